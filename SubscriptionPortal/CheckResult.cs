using System.Diagnostics.CodeAnalysis;

namespace SubscriptionPortal;

/// <summary>The outcome of checking a typed-in identifier: its normalised value, or a message that says what is wrong.</summary>
public sealed record CheckResult(string? Value, string? Error)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    public static CheckResult Valid(string value) => new(value, null);

    public static CheckResult Invalid(string error) => new(null, error);
}

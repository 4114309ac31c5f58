namespace SubscriptionPortal;

public enum CommandStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// The outcome of a command a user asked for. Expected failures are values the page shows in an
/// alert (STYLE rule 4); exceptions are left for bugs.
/// </summary>
public sealed record CommandResult(CommandStatus Status, string? Message = null, IReadOnlyDictionary<string, string>? FieldErrors = null)
{
    public static readonly CommandResult Ok = new(CommandStatus.Ok);

    public bool Succeeded => Status == CommandStatus.Ok;

    public static CommandResult Invalid(string message, IReadOnlyDictionary<string, string>? fieldErrors = null) =>
        new(CommandStatus.Invalid, message, fieldErrors);

    public static CommandResult NotFound() => new(CommandStatus.NotFound, "This page does not exist or you do not have access to it.");

    public static CommandResult Conflict(string message) => new(CommandStatus.Conflict, message);
}

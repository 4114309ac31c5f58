using Microsoft.Extensions.Options;

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>Refuses a schedule that cannot be followed, at start rather than on the day it would matter.</summary>
internal sealed class DunningOptionsValidator : IValidateOptions<DunningOptions>
{
    public ValidateOptionsResult Validate(string? name, DunningOptions options)
    {
        var errors = new List<string>();
        var delays = options.RetryDays();
        if (options.MaxRetries < 0 || options.MaxRetries > delays.Count)
        {
            errors.Add($"Dunning:MaxRetries is {options.MaxRetries}: it must be between 0 and the number of Dunning:RetryAfterDays ({delays.Count}).");
        }

        for (var i = 0; i < delays.Count; i++)
        {
            if (delays[i] < 1 || (i > 0 && delays[i] <= delays[i - 1]))
            {
                errors.Add("Dunning:RetryAfterDays must be whole days, at least 1, each later than the one before.");
                break;
            }
        }

        if (options.RestrictedAfterDays < 1 || options.SuspendedAfterDays <= options.RestrictedAfterDays)
        {
            errors.Add($"Dunning:RestrictedAfterDays ({options.RestrictedAfterDays}) must be at least 1 and before Dunning:SuspendedAfterDays ({options.SuspendedAfterDays}).");
        }

        if (options.IntervalMinutes < 1)
        {
            errors.Add("Dunning:IntervalMinutes must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

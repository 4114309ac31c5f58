using System.Globalization;

namespace SubscriptionPortal.LoadTests;

/// <summary>What one run does, from the command line.</summary>
internal sealed record LoadOptions(
    IReadOnlyList<int> UserCounts,
    int Changes,
    int SignInParallelism,
    string? PublishedApp,
    string? Output,
    int PauseSeconds,
    bool Keep,
    int WarmUpUsers,
    bool ServerFirst)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project SubscriptionPortal.LoadTests -- [options]
          --users 25,50,100,200   the numbers of simultaneous users, one level after the other
          --changes 6             tier or commitment changes each user makes on the choice page
          --sign-in-parallel 8    users signing in at the same time while a level fills up
          --warm-up 40            users going through the scenario together before the start is measured
          --app DIR               an already published app (dotnet publish -c Release) instead of publishing it
          --output FILE           also write the markdown report to FILE
          --pause 60              hold each idle moment that long, e.g. to take a heap dump of the server
          --keep                  keep the published app and the database after the run (the log and scrapes are always kept)
          --server-first          give the server a core before any browser (real-time priority; root only)
        """;

    public int MaxUsers => UserCounts.Max();

    /// <summary>The options, or null with the reason when the arguments are not understood.</summary>
    public static (LoadOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new LoadOptions([25, 50, 100, 200], 6, 8, null, null, 0, Keep: false, WarmUpUsers: 40, ServerFirst: false);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                options = options with { Keep = true };
                continue;
            }

            if (args[i] == "--server-first")
            {
                options = options with { ServerFirst = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                return (null, $"{args[i]} needs a value.");
            }

            switch (args[i])
            {
                case "--users":
                    var counts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (counts.Length == 0 || !counts.All(c => PositiveInt(c) is not null))
                    {
                        return (null, $"--users takes positive numbers separated by commas, not '{value}'.");
                    }

                    options = options with { UserCounts = [.. counts.Select(c => PositiveInt(c)!.Value)] };
                    break;
                case "--changes":
                    options = options with { Changes = PositiveInt(value) ?? -1 };
                    break;
                case "--sign-in-parallel":
                    options = options with { SignInParallelism = PositiveInt(value) ?? -1 };
                    break;
                case "--warm-up":
                    options = options with { WarmUpUsers = PositiveInt(value) ?? -1 };
                    break;
                case "--app":
                    options = options with { PublishedApp = Path.GetFullPath(value) };
                    break;
                case "--pause":
                    options = options with { PauseSeconds = PositiveInt(value) ?? 0 };
                    break;
                case "--output":
                    options = options with { Output = Path.GetFullPath(value) };
                    break;
                default:
                    return (null, $"Unknown option {args[i]}.");
            }

            i++;
        }

        if (options.Changes < 1 || options.SignInParallelism < 1 || options.WarmUpUsers < 1)
        {
            return (null, "--changes, --sign-in-parallel and --warm-up take a positive number.");
        }

        return (options, null);
    }

    private static int? PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}

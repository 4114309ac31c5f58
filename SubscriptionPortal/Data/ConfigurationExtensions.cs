using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace SubscriptionPortal.Data;

internal static class ConfigurationExtensions
{
    /// <summary>
    /// The app's one configuration file sits at the repository root and is copied beside the
    /// binaries. Under <c>dotnet run</c> the content root is the project folder, which has no copy,
    /// so the file is read from the binaries' folder, in the place of the usual appsettings.json:
    /// environment variables and the command line still override it.
    /// </summary>
    public static void AddRepositorySettingsFile(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        if (File.Exists(Path.Combine(environment.ContentRootPath, "appsettings.json")))
        {
            return;
        }

        var sources = configuration.Sources;
        var index = sources.Select((s, i) => (s, i))
            .Where(x => x.s is JsonConfigurationSource { Path: "appsettings.json" })
            .Select(x => x.i)
            .DefaultIfEmpty(0)
            .First();
        var source = new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        sources.Insert(index + 1, source);
    }
}

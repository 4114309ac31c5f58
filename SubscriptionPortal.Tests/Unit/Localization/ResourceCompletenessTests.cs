using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Components.Layout;
using SubscriptionPortal.Localization;

namespace SubscriptionPortal.Tests.Unit.Localization;

/// <summary>
/// Every resource file of the app, whoever wrote it: each English (neutral) file has its translation in
/// every other language the portal speaks, with the same keys, no empty value, no value left as its key,
/// and the same <c>{0}</c> placeholders.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly string ResourcesFolder = FindResourcesFolder();

    private static readonly string[] Translations = PortalCultures.All
        .Where(c => c != PortalCultures.English)
        .Select(c => CultureInfo.GetCultureInfo(c).TwoLetterISOLanguageName)
        .ToArray();

    public static TheoryData<string> NeutralFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories).Where(IsNeutral).Order())
        {
            data.Add(Path.GetRelativePath(ResourcesFolder, file));
        }

        return data;
    }

    [Fact]
    public void Resources_ExistForThePortal()
    {
        Assert.NotEmpty(NeutralFiles());
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void Resource_HasEveryKeyInEveryLanguage_NoneEmptyNoneLeftAsItsKey_PlaceholdersMatching(string neutralFile)
    {
        var english = Read(Path.Combine(ResourcesFolder, neutralFile));
        Assert.NotEmpty(english);
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{neutralFile}: {e.Key} is empty in English."));

        foreach (var language in Translations)
        {
            var path = Path.Combine(ResourcesFolder, Path.ChangeExtension(neutralFile, $".{language}.resx"));
            Assert.True(File.Exists(path), $"{neutralFile} has no {language} translation ({Path.GetFileName(path)}).");
            var translated = Read(path);

            Assert.Empty(english.Keys.Except(translated.Keys).Select(k => $"{neutralFile}: {k} missing in {language}"));
            Assert.Empty(translated.Keys.Except(english.Keys).Select(k => $"{neutralFile}: {k} in {language} only"));
            foreach (var (key, value) in translated)
            {
                Assert.False(string.IsNullOrWhiteSpace(value), $"{neutralFile}: {key} is empty in {language}.");
                // A missing key shows as the key itself. In English a one-word label may be its own key
                // (Invoices, Activity); a translation never is.
                Assert.NotEqual(key, value);
                Assert.True(Placeholders(english[key]).SetEquals(Placeholders(value)),
                    $"{neutralFile}: {key} has placeholders {string.Join(",", Placeholders(english[key]))} in English but {string.Join(",", Placeholders(value))} in {language}.");
            }
        }
    }

    [Fact]
    public void Translations_EachHaveTheirEnglishFile()
    {
        var orphans = Directory.EnumerateFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories)
            .Where(f => !IsNeutral(f))
            .Where(f => !File.Exists(Path.ChangeExtension(Path.ChangeExtension(f, null), ".resx")))
            .Select(f => Path.GetRelativePath(ResourcesFolder, f));

        Assert.Empty(orphans);
    }

    [Fact]
    public void Localizer_UnderFrench_ReadsTheFrenchResourceOfTheComponent()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = new StringLocalizer<UserMenu>(factory);

        using (CultureScope.French())
        {
            Assert.Equal("Se déconnecter", localizer["SignOut"].Value);
            Assert.False(localizer["SignOut"].ResourceNotFound);
        }

        using (CultureScope.English())
        {
            Assert.Equal("Sign out", localizer["SignOut"].Value);
        }
    }

    private static bool IsNeutral(string file) => !CultureSuffix().IsMatch(Path.GetFileName(file));

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    private static string FindResourcesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "SubscriptionPortal", "Resources");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No SubscriptionPortal/Resources folder above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\.[a-z]{2}(-[A-Z]{2})?\.resx$")]
    private static partial Regex CultureSuffix();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}

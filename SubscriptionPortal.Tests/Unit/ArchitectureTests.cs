using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace SubscriptionPortal.Tests.Unit;

/// <summary>
/// Dependencies point one way: Components → features (Subscriptions, Platforms, Support, Emails) → Billing,
/// Payments and Catalog → Common. A lower folder never uses a higher one, no domain folder uses the
/// pages, and time is read from the injected clock only.
/// </summary>
public sealed class ArchitectureTests
{
    private const string App = "SubscriptionPortal";

    private static readonly string[] Features = [$"{App}.Subscriptions", $"{App}.Platforms", $"{App}.Support", $"{App}.Emails"];

    [Fact]
    public void Common_UsesNoOtherFolderOfTheApp()
    {
        var result = AppTypes().That().ResideInNamespace($"{App}.Common")
            .ShouldNot().HaveDependencyOnAny(
                [$"{App}.Catalog", $"{App}.Billing", $"{App}.Payments", .. Features, $"{App}.Data", $"{App}.Components"])
            .GetResult();

        AssertSuccess(result);
    }

    [Theory]
    [InlineData("Billing")]
    [InlineData("Payments")]
    [InlineData("Catalog")]
    public void LowerFolder_DoesNotUseTheSubscriptionsOrEmailsFeaturesOrThePages(string folder)
    {
        var result = AppTypes().That().ResideInNamespace($"{App}.{folder}")
            .ShouldNot().HaveDependencyOnAny($"{App}.Subscriptions", $"{App}.Emails", $"{App}.Components")
            .GetResult();

        AssertSuccess(result);
    }

    [Theory]
    [InlineData("Common")]
    [InlineData("Catalog")]
    [InlineData("Billing")]
    [InlineData("Payments")]
    [InlineData("Subscriptions")]
    [InlineData("Platforms")]
    [InlineData("Support")]
    [InlineData("Data")]
    public void DomainFolder_DoesNotUseTheComponents(string folder)
    {
        var result = AppTypes().That().ResideInNamespace($"{App}.{folder}")
            .ShouldNot().HaveDependencyOn($"{App}.Components")
            .GetResult();

        AssertSuccess(result);
    }

    [Fact]
    public void AppCode_ReadsTheTimeFromTheInjectedClockOnly()
    {
        var offenders = SystemClockReaders(typeof(Program).Assembly.Location);

        Assert.True(offenders.Count == 0, "Read the time from the injected TimeProvider, not from DateTime/DateTimeOffset: " + string.Join("; ", offenders));
    }

    // The two rules above pass on an empty list too: these show they see what they look for.
    [Fact]
    public void DependencyRule_SeesTheDependenciesThatExist()
    {
        var billingOnCommon = AppTypes().That().ResideInNamespace($"{App}.Billing").And().HaveDependencyOn($"{App}.Common").GetTypes();

        Assert.Contains(billingOnCommon, t => t.Name == "QuoteCalculator");
    }

    [Fact]
    public void ClockRule_SeesAReadOfTheSystemClock()
    {
        // The browser tests compute today's date the way a person would, from the real clock.
        var readers = SystemClockReaders(typeof(ArchitectureTests).Assembly.Location);

        Assert.Contains(readers, m => m.Contains("ChangeFlowTests", StringComparison.Ordinal));
    }

    private static List<string> SystemClockReaders(string assemblyPath)
    {
        string[] forbidden =
        [
            "System.DateTime System.DateTime::get_Now()",
            "System.DateTime System.DateTime::get_UtcNow()",
            "System.DateTime System.DateTime::get_Today()",
            "System.DateTimeOffset System.DateTimeOffset::get_Now()",
            "System.DateTimeOffset System.DateTimeOffset::get_UtcNow()",
        ];
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .Where(m => m.Body.Instructions.Any(i => i.OpCode.Code is Code.Call or Code.Callvirt
                && i.Operand is MethodReference called && forbidden.Contains(called.FullName)))
            .Select(m => m.FullName)
            .ToList();
    }

    private static Types AppTypes() => Types.InAssembly(typeof(Program).Assembly);

    private static void AssertSuccess(TestResult result) =>
        Assert.True(result.IsSuccessful, "These types break the direction of dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
}

using BenchmarkDotNet.Running;

namespace SubscriptionPortal.Benchmarks;

internal static class Program
{
    // Pick benchmarks with --filter, e.g. dotnet run -c Release -- --filter '*Quote*'; without it a menu is shown.
    // (A class, not top-level statements: the app already has a global Program.)
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

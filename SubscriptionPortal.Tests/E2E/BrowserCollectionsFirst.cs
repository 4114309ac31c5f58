using SubscriptionPortal.Tests.E2E;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("SubscriptionPortal.Tests.E2E.BrowserCollectionsFirst", "SubscriptionPortal.Tests")]

namespace SubscriptionPortal.Tests.E2E;

/// <summary>
/// Starts the two browser collections first. xunit runs at most two collections at a time and each
/// browser collection runs its tests one after the other for several minutes; started last, one of them
/// ran alone for its whole length while the other thread had nothing left to do. Started first, the many
/// short collections fill the other thread around them. Every other collection keeps xunit's order.
/// </summary>
public sealed class BrowserCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] First = [BrowserCollection.Name, SecondBrowserCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(First, c.DisplayName) is var at and >= 0 ? at : First.Length)
            .ThenBy(c => c.UniqueID);
}

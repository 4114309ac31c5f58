using System.Net;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Platforms.Export;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Http;
using SubscriptionPortal.Tests.Integration.Support;

namespace SubscriptionPortal.Tests.Integration.Platforms;

/// <summary>
/// SPEC §8: every page, endpoint and service call that takes an id (platform, document, contact,
/// quote...) is tried by an admin with another platform's id. Each must refuse — 404 or its
/// equivalent, never the data — and write nothing at all. A new id-taking route or service
/// method makes <see cref="EveryIdTakingRouteAndServiceMethod_IsInTheTable"/> fail until it is
/// added here.
/// </summary>
public sealed class CrossTenantAccessTests(CrossTenantWorld world) : IClassFixture<CrossTenantWorld>
{
    // How a surface says no. An admin's own surfaces answer exactly as for an id that does not
    // exist; support-only surfaces turn every admin away before they look at the id.
    private const string NotFoundOverHttp = "404";
    private const string NotFoundFromService = "not found";
    private const string SupportOnlyPage = "302 /Account/AccessDenied";
    private const string SupportOnlyEndpoint = "403";
    private const string SupportOnlyService = "refused";

    /// <summary>One row per id-taking surface: what it is, how it must refuse, what it covers, how an admin tries it.</summary>
    private static readonly Probe[] Table =
    [
        new("GET /documents/{id}/pdf (another platform's invoice)", NotFoundOverHttp,
            ["route /documents/{id:int}/pdf", "method BillingEndpoints.DownloadAsync"],
            async w => await StatusAsync(w, () => w.Admin.GetAsync($"documents/{w.OtherInvoiceId}/pdf"))),

        new("GET /documents/{id}/xml (another platform's invoice)", NotFoundOverHttp,
            ["route /documents/{id:int}/xml", "method BillingEndpoints.DownloadXmlAsync"],
            async w => await StatusAsync(w, () => w.Admin.GetAsync($"documents/{w.OtherInvoiceId}/xml"))),

        new("Platform switcher (another platform's id)", NotFoundFromService,
            ["method PlatformDirectory.SwitchAsync"],
            async w => await Call(w, s => s.GetRequiredService<PlatformDirectory>().SwitchAsync(w.AdminPrincipal, w.OtherPlatformId)) ? "switched" : "not found"),

        new("Validate offer (another platform's quote)", NotFoundFromService,
            ["method SubscriptionChanges.ValidateAsync"],
            async w => await Call(w, s => s.GetRequiredService<SubscriptionChanges>().ValidateAsync(w.AdminPrincipal, w.OtherQuoteId)) switch
            {
                ChangeOutcome.NotFound => "not found",
                var other => other.GetType().Name,
            }),

        new("GET /support/platforms/{id} (another platform)", SupportOnlyPage,
            ["route /support/platforms/{Id:int}"],
            async w => await StatusAsync(w, () => w.Admin.GetAsync($"support/platforms/{w.OtherPlatformId}"))),

        new("Support platform page data (another platform)", SupportOnlyService,
            ["method SupportPlatformQueries.GetAsync"],
            async w => await Call(w, s => s.GetRequiredService<SupportPlatformQueries>().GetAsync(w.AdminPrincipal, w.OtherPlatformId)) is null ? "refused" : "shown"),

        new("GET /support/emails/{id} (another platform's email)", SupportOnlyPage,
            ["route /support/emails/{MessageId}"],
            async w => await StatusAsync(w, () => w.Admin.GetAsync($"support/emails/{w.OtherEmailId}"))),

        new("Support email view (another platform's email)", SupportOnlyService,
            ["method EmailDesk.GetAsync"],
            async w => await Call(w, s => s.GetRequiredService<EmailDesk>().GetAsync(w.AdminPrincipal, w.OtherEmailId)) is null ? "refused" : "shown"),

        new("Send an email again (another platform's email)", NotFoundFromService,
            ["method EmailDesk.SendAgainAsync"],
            async w => await Call(w, s => s.GetRequiredService<EmailDesk>().SendAgainAsync(w.AdminPrincipal, w.OtherEmailId)) switch
            {
                SendAgainOutcome.NotFound => "not found",
                var other => other.ToString(),
            }),

        new("POST /support/impersonation/start (another platform's admin)", SupportOnlyEndpoint,
            ["method ImpersonationService.StartAsync"],
            async w => await StatusAsync(w, () => w.Admin.PostStartAsync(w.OtherAdminId, w.OtherPlatformId, token: w.AdminAntiforgeryToken))),

        new("POST /platforms/{id}/export (another platform)", NotFoundOverHttp,
            ["route /platforms/{platformId:int}/export", "method ExportEndpoints.StartAsync"],
            async w => await StatusAsync(w, () => w.Admin.PostFormAsync($"platforms/{w.OtherPlatformId}/export",
                new Dictionary<string, string> { [PortalClient.TokenField] = w.AdminAntiforgeryToken }))),

        new("GET /exports/{ticket} (another admin's download ticket)", NotFoundOverHttp,
            ["route /exports/{ticket}"],
            async w => await StatusAsync(w, () => w.Admin.GetAsync($"exports/{w.OtherExportTicket}"))),

        new("Data export authorisation (another platform)", NotFoundFromService,
            ["method PlatformExport.AuthorizeAsync"],
            async w => await Call(w, s => s.GetRequiredService<PlatformExport>().AuthorizeAsync(w.AdminPrincipal, w.OtherPlatformId)) is null ? "not found" : "authorised"),

        new("Data export progress (another admin's download)", NotFoundFromService,
            ["method PlatformExport.GetProgress", "method PlatformExport.ReporterFor", "method PlatformExport.ForgetProgress"],
            async w => await Call(w, s =>
            {
                var export = s.GetRequiredService<PlatformExport>();
                export.ForgetProgress(w.AdminPrincipal, w.OtherExportProgressId);
                var seen = export.GetProgress(w.AdminPrincipal, w.OtherExportProgressId) is not null
                    || export.ReporterFor(w.AdminPrincipal, w.OtherExportProgressId) is not null;
                var stillThere = s.GetRequiredService<ExportProgressTracker>().Get(w.OtherExportProgressId, w.OtherAdminId) is not null;
                return Task.FromResult(seen ? "shown" : stillThere ? "not found" : "forgotten");
            })),

        new("GET /support/debit-files/{id} (a bank file)", NotFoundOverHttp,
            ["route /support/debit-files/{id:int}", "method PaymentEndpoints.DownloadAsync", "method DirectDebitDesk.GetFileAsync"],
            async w => await StatusAsync(w, () => w.Admin.GetAsync($"support/debit-files/{w.OtherDebitFileId}"))),

        new("Record a debit collected (another platform's debit)", NotFoundFromService,
            ["method DirectDebitDesk.RecordCollectedAsync"],
            async w => Answer(await Call(w, s => s.GetRequiredService<DirectDebitDesk>().RecordCollectedAsync(w.AdminPrincipal, w.OtherDebitId)))),

        new("Record a debit failed (another platform's debit)", NotFoundFromService,
            ["method DirectDebitDesk.RecordFailedAsync"],
            async w => Answer(await Call(w, s => s.GetRequiredService<DirectDebitDesk>().RecordFailedAsync(w.AdminPrincipal, w.OtherDebitId, "AC04")))),

        new("Retry a debit (another platform's debit)", NotFoundFromService,
            ["method DirectDebitDesk.RetryAsync"],
            async w => Answer(await Call(w, s => s.GetRequiredService<DirectDebitDesk>().RetryAsync(w.AdminPrincipal, w.OtherDebitId)))),

        new("Record a bank transfer (another platform's invoice)", NotFoundFromService,
            ["method OverdueDesk.RecordTransferAsync"],
            async w => Answer(await Call(w, s => s.GetRequiredService<OverdueDesk>()
                .RecordTransferAsync(w.AdminPrincipal, w.OtherPlatformId, w.OtherInvoiceId, 10m, new DateOnly(2026, 1, 1), "VIR-1")))),

        new("Write a debt off (another platform's invoice)", NotFoundFromService,
            ["method OverdueDesk.WriteOffAsync"],
            async w => Answer(await Call(w, s => s.GetRequiredService<OverdueDesk>().WriteOffAsync(w.AdminPrincipal, w.OtherPlatformId, w.OtherInvoiceId, "Gone")))),

        new("Pause dunning (another platform)", NotFoundFromService,
            ["method OverdueDesk.PauseAsync"],
            async w => Answer(await Call(w, s => s.GetRequiredService<OverdueDesk>().PauseAsync(w.AdminPrincipal, w.OtherPlatformId, new DateOnly(2030, 1, 1), "Holiday")))),
    ];

    /// <summary>Id-taking surfaces that are not a platform's data, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotPlatformData = new()
    {
        ["route {**path:file}"] = "static files of the app itself",
        ["route /settings/subscription/choose/{OfferCode}"] = "an offer code of the shared catalog; the page then works on the admin's own platform",
        ["route /Account/Manage/RenamePasskey/{Id}"] = "Identity looks the passkey up among the signed-in user's own",
        ["method PlatformScope.AdministersAsync"] = "the membership check itself, used by the surfaces above",
        ["method PlatformScope.MayReadAsync"] = "the read-access check itself (admins and support), used by the surfaces above",
    };

    public static TheoryData<string> Surfaces => new(Table.Select(p => p.Surface));

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task AnotherPlatformsId_TriedByAnAdmin_IsRefusedAndWritesNothing(string surface)
    {
        var probe = Table.Single(p => p.Surface == surface);
        var before = await world.FingerprintAsync();

        var answer = await probe.Try(world);

        Assert.Equal(probe.Refused, answer);
        Assert.Equal(before, await world.FingerprintAsync());
    }

    [Fact]
    public void EveryIdTakingRouteAndServiceMethod_IsInTheTable()
    {
        var covered = Table.SelectMany(p => p.Covers).Concat(NotPlatformData.Keys).ToHashSet();

        var missing = IdTakingRoutes().Concat(IdTakingServiceMethods()).Where(s => !covered.Contains(s)).Order().ToList();

        Assert.True(missing.Count == 0,
            "These take an id but are not tried with another platform's id in CrossTenantAccessTests.Table: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheTable_NamesOnlySurfacesThatExist()
    {
        var existing = IdTakingRoutes().Concat(IdTakingServiceMethods()).ToHashSet();
        var unknown = Table.SelectMany(p => p.Covers).Concat(NotPlatformData.Keys).Where(s => !existing.Contains(s)).ToList();

        Assert.True(unknown.Count == 0, "Listed but no longer found (renamed or removed?): " + string.Join(", ", unknown));
    }

    /// <summary>Every mapped route with a route parameter: pages and endpoints.</summary>
    private IEnumerable<string> IdTakingRoutes() =>
        world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0)
            .Select(e => $"route {e.RoutePattern.RawText}")
            .Distinct();

    /// <summary>
    /// Every method of the app that acts for a signed-in user (takes a ClaimsPrincipal) and is
    /// handed an id (a parameter named <c>id</c> or <c>…Id</c>). Ids read from a form or a query
    /// string are not seen here: those surfaces are listed by hand, like the impersonation start.
    /// </summary>
    private static IEnumerable<string> IdTakingServiceMethods() =>
        typeof(PlatformScope).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("SubscriptionPortal", StringComparison.Ordinal) == true && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsPrivate && !m.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .Where(m => m.GetParameters() is var ps
                && ps.Any(p => p.ParameterType == typeof(ClaimsPrincipal))
                && ps.Any(p => p.Name is { } n && (n == "id" || n.EndsWith("Id", StringComparison.Ordinal))))
            .Select(m => $"method {m.DeclaringType!.Name}.{m.Name}")
            .Distinct();

    private static async Task<string> StatusAsync(CrossTenantWorld w, Func<Task<HttpResponseMessage>> send)
    {
        using var response = await send();
        return response.StatusCode == HttpStatusCode.Redirect
            ? $"302 {response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString.Split('?')[0]}"
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Answer(CommandResult result) => result.Status == CommandStatus.NotFound ? "not found" : result.Status.ToString();

    private static async Task<T> Call<T>(CrossTenantWorld w, Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = w.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider);
    }

    private sealed record Probe(string Surface, string Refused, string[] Covers, Func<CrossTenantWorld, Task<string>> Try);
}

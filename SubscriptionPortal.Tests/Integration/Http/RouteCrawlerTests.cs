using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms.Export;
using SubscriptionPortal.Tests.Integration.Support;

namespace SubscriptionPortal.Tests.Integration.Http;

/// <summary>
/// Every page (each <c>@page</c> route of the app) and every endpoint (the app's endpoint data sources), requested
/// by each kind of visitor, with real values and with garbage in each route and query parameter: no answer is a
/// server error, and what each one gets is what SPEC §8 says — the page, a redirect to sign in, a refusal, or a
/// 404 that reveals nothing. Routes are found, not listed: a new page or endpoint is crawled without a change here.
/// </summary>
public sealed class RouteCrawlerTests(RouteCrawlerTests.World world) : IClassFixture<RouteCrawlerTests.World>
{
    /// <summary>What a scanner puts in a parameter.</summary>
    public static readonly string[] Garbage =
    [
        "2147483648", "99999999999999999999", "-1", "0", "1e10", "abc", "é€😀ﷺ", "..%2F..%2Fappsettings.json", "%2e%2e%2f%2e%2e%2fappsettings.json",
        "' OR 1=1 --", "<script>alert(1)</script>",
    ];

    public enum Role
    {
        Anonymous,
        Admin,
        OtherPlatformsAdmin,
        Support,
        Impersonating,
    }

    public static TheoryData<Role> Roles => new(Enum.GetValues<Role>());

    [Fact]
    public void EveryPageOfTheApp_IsAmongTheCrawledRoutes()
    {
        var crawled = world.Routes().Select(r => r.Pattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var pages = PageRoutes().Select(p => p.TrimStart('/')).ToList();

        Assert.True(pages.Count >= 20, $"Only {pages.Count} pages found by reflection.");
        Assert.All(pages, p => Assert.Contains(p, crawled));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryRoute_RequestedWithRealAndGarbageValues_NeverFailsAndAnswersAsSpecSection8Says(Role role)
    {
        var failures = new List<string>();
        var requests = 0;
        using var client = await world.ClientAsync(role);
        foreach (var route in world.Routes().Where(r => r.Methods.Contains("GET")))
        {
            foreach (var (url, isReal) in world.Urls(route, role))
            {
                requests++;
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                var problem = Judge(route, role, url, isReal, response, body);
                if (problem is not null)
                {
                    failures.Add(problem);
                }
            }
        }

        // Posts last, on a copy of the session: some end it (sign out, stop impersonating).
        foreach (var route in world.Routes().Where(r => r.Methods.Contains("POST")).OrderBy(r => r.Pattern.RawText!.Contains("stop", StringComparison.Ordinal)))
        {
            foreach (var (url, isReal) in world.Urls(route, role))
            {
                foreach (var withToken in new[] { false, true })
                {
                    requests++;
                    using var copy = await world.ClientAsync(role, sameSessionAs: client);
                    var fields = FormFields(route).ToDictionary(f => f, f => isReal ? "1" : Garbage[requests % Garbage.Length]);
                    if (withToken)
                    {
                        fields[PortalClient.TokenField] = await copy.AntiforgeryTokenAsync(role == Role.Anonymous ? "Account/Login" : "Account/Manage");
                    }

                    using var response = await copy.PostFormAsync(url, fields);
                    var body = await response.Content.ReadAsStringAsync();
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"POST {url} ({(withToken ? "with" : "without")} token) → {(int)response.StatusCode}: {First(body)}");
                    }
                    else if (Redirect(response) is { } target && !IsLocal(target))
                    {
                        failures.Add($"POST {url} → redirect off the site: {target}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests as {role} went wrong:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>Null when the answer is right for this visitor; otherwise what is wrong.</summary>
    private string? Judge(World.Route route, Role role, string url, bool isReal, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var said = $"GET {url} → {status}{(Redirect(response) is { } l ? " " + l : "")}";
        if (status >= 500)
        {
            return $"{said}: {First(body)}";
        }

        if (Redirect(response) is { } target && !IsLocal(target))
        {
            return $"{said}: a redirect off the site";
        }

        if (body.Contains("\"ConnectionStrings\"", StringComparison.Ordinal) || body.Contains("root:x:0:0", StringComparison.Ordinal))
        {
            return $"{said}: served a file outside the app's static files";
        }

        var got = Classify(response);
        if (got == Outcome.NotFound && role is Role.OtherPlatformsAdmin or Role.Anonymous
            && world.RevealingText.FirstOrDefault(t => body.Contains(t, StringComparison.Ordinal)) is { } leaked)
        {
            return $"{said}: the 404 names another platform's data ({leaked})";
        }

        var allowed = Expected(route, role, isReal);
        return allowed.Contains(got) ? null : $"{said}: {got}, expected {string.Join(" or ", allowed)}";
    }

    private enum Outcome
    {
        /// <summary>The page, or a redirect to another page of the app.</summary>
        Page,
        SignIn,
        Denied,
        NotFound,
        BadRequest,
    }

    private static readonly Outcome[] AnyAnswer = Enum.GetValues<Outcome>();

    private static Outcome Classify(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        200 or 204 => Outcome.Page,
        >= 300 and < 400 when RedirectPath(response) == "/Account/Login" => Outcome.SignIn,
        >= 300 and < 400 when RedirectPath(response) == "/Account/AccessDenied" => Outcome.Denied,
        >= 300 and < 400 => Outcome.Page,
        403 => Outcome.Denied,
        404 => Outcome.NotFound,
        _ => Outcome.BadRequest,
    };

    /// <summary>What SPEC §8 allows this visitor to get; garbage may also be refused as not found or a bad request.</summary>
    private static Outcome[] Expected(World.Route route, Role role, bool isReal)
    {
        var authorize = route.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var anonymousAllowed = route.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        if (authorize.Count > 0 && !anonymousAllowed && role == Role.Anonymous)
        {
            return isReal ? [Outcome.SignIn] : [Outcome.SignIn, Outcome.NotFound, Outcome.BadRequest];
        }

        var rolesRequired = authorize.Where(a => !string.IsNullOrEmpty(a.Roles)).SelectMany(a => a.Roles!.Split(',')).ToList();
        if (rolesRequired.Contains("Support") && role != Role.Support)
        {
            return isReal ? [Outcome.Denied, Outcome.NotFound] : [Outcome.Denied, Outcome.NotFound, Outcome.BadRequest];
        }

        if (!isReal || authorize.Count == 0)
        {
            return AnyAnswer;
        }

        // Records of one platform: its admins (an agent acting as one included) and support read them, others get a 404.
        return route.Pattern.RawText switch
        {
            "/documents/{id:int}/pdf" or "/exports/{ticket}" => role is Role.Admin or Role.Support or Role.Impersonating ? [Outcome.Page] : [Outcome.NotFound],
            "/support/debit-files/{id:int}" => role == Role.Support ? [Outcome.Page] : [Outcome.NotFound],
            _ when route.IsPage => [Outcome.Page],
            _ => AnyAnswer,
        };
    }

    /// <summary>The form fields an endpoint binds, and those the app's endpoints read by hand.</summary>
    private static IEnumerable<string> FormFields(World.Route route)
    {
        var bound = route.Endpoint.Metadata.OfType<MethodInfo>().SelectMany(m => m.GetParameters())
            .Where(p => p.IsDefined(typeof(FromFormAttribute)))
            .Select(p => p.GetCustomAttribute<FromFormAttribute>()!.Name ?? p.Name!);
        return bound.Concat(["platformId", "adminId", "reason", "progress", "returnUrl", "provider"]).Distinct();
    }

    /// <summary>Every <c>@page</c> route of the app's components.</summary>
    public static IEnumerable<string> PageRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>())
            .Select(r => r.Template);

    private static string? Redirect(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 ? response.Headers.Location?.OriginalString : null;

    private static string? RedirectPath(HttpResponseMessage response) =>
        Redirect(response) is { } target ? new Uri(new Uri("http://localhost/"), target).AbsolutePath : null;

    private static bool IsLocal(string target) =>
        new Uri(new Uri("http://localhost/"), target) is { Host: "localhost", Scheme: "http" or "https" };

    private static string First(string body) => body.Length > 300 ? body[..300] : body;

    /// <summary>One app for the whole crawl, with a sign-in per visitor and the records the real values point at.</summary>
    public sealed class World : IAsyncLifetime
    {
        private readonly Dictionary<Role, PortalClient> clients = [];

        public PortalApp App { get; } = new();

        public int PlatformId { get; private set; }

        public int InvoiceId { get; private set; }

        public int DebitFileId { get; private set; }

        /// <summary>What a 404 for another visitor must not contain: the platform's name and document number.</summary>
        public List<string> RevealingText { get; } = [];

        private readonly Dictionary<Role, string> userIds = [];

        public sealed record Route(RouteEndpoint Endpoint, RoutePattern Pattern, IReadOnlyList<string> Methods, bool IsPage, IReadOnlyList<string> QueryNames);

        public async Task InitializeAsync()
        {
            await using var db = App.OpenDatabase();
            var chorale = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
            PlatformId = chorale.Id;
            var invoice = await db.Documents.FirstAsync(d => d.PlatformId == chorale.Id && d.Kind == DocumentKind.Invoice);
            InvoiceId = invoice.Id;
            RevealingText.AddRange([invoice.Number, "Chorale du Marais"]);
            var file = new DirectDebitFile("SP-CRAWL", DateTime.UtcNow, "pain008-crawl.xml", "application/xml", 1, 100, "<Document/>"u8.ToArray());
            db.DirectDebitFiles.Add(file);
            await db.SaveChangesAsync();
            DebitFileId = file.Id;
            foreach (var (role, email) in new[] { (Role.Admin, "serenity@demo.test"), (Role.OtherPlatformsAdmin, "pro@demo.test"), (Role.Support, "support@demo.test"), (Role.Impersonating, "serenity@demo.test") })
            {
                userIds[role] = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            }
        }

        /// <summary>A client signed in as <paramref name="role"/>; with <paramref name="sameSessionAs"/>, a copy of that client's cookies.</summary>
        public async Task<PortalClient> ClientAsync(Role role, PortalClient? sameSessionAs = null)
        {
            var client = App.CreatePortalClient();
            if (sameSessionAs is not null)
            {
                foreach (Cookie cookie in sameSessionAs.Cookies.GetAllCookies())
                {
                    client.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
                }

                return client;
            }

            switch (role)
            {
                case Role.Admin:
                    await client.SignInAsync("serenity@demo.test");
                    break;
                case Role.OtherPlatformsAdmin:
                    await client.SignInAsync("pro@demo.test");
                    break;
                case Role.Support:
                    await client.SignInAsync("support@demo.test");
                    break;
                case Role.Impersonating:
                    await client.ImpersonateAsync(App, "serenity@demo.test");
                    break;
            }

            return client;
        }

        public IEnumerable<Route> Routes() =>
            App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Select(e =>
                {
                    var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                    var page = e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
                    var queryNames = page?.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                        .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                        .Where(p => p.Query is not null)
                        .Select(p => p.Query!.Name ?? p.Property.Name)
                        .ToList() ?? QueryParametersOf(e);
                    return new Route(e, e.RoutePattern, [.. methods], page is not null, queryNames);
                })
                .GroupBy(r => (r.Pattern.RawText, string.Join(",", r.Methods)))
                .Select(g => g.First());

        /// <summary>The simple values a minimal-API handler reads from the query string.</summary>
        private static List<string> QueryParametersOf(RouteEndpoint endpoint) =>
            endpoint.Metadata.OfType<MethodInfo>().SelectMany(m => m.GetParameters())
                .Where(p => p.IsDefined(typeof(FromQueryAttribute))
                    || (endpoint.RoutePattern.GetParameter(p.Name!) is null && IsSimple(p.ParameterType) && !p.IsDefined(typeof(FromFormAttribute))))
                .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!)
                .ToList();

        private static bool IsSimple(Type type) =>
            (Nullable.GetUnderlyingType(type) ?? type) is var t && (t.IsPrimitive || t == typeof(string) || t == typeof(Guid) || t == typeof(decimal));

        /// <summary>The route with real values, then with garbage in each route parameter and each query parameter in turn.</summary>
        public IEnumerable<(string Url, bool IsReal)> Urls(Route route, Role role)
        {
            var parameters = route.Pattern.Parameters.Select(p => p.Name).ToList();
            var real = parameters.ToDictionary(p => p, p => RealValue(route, p, role), StringComparer.OrdinalIgnoreCase);
            yield return (Build(route.Pattern, real), true);
            foreach (var parameter in parameters)
            {
                foreach (var garbage in Garbage)
                {
                    var values = new Dictionary<string, string>(real, StringComparer.OrdinalIgnoreCase) { [parameter] = garbage };
                    yield return (Build(route.Pattern, values), false);
                }
            }

            var path = Build(route.Pattern, real);
            foreach (var name in route.QueryNames)
            {
                foreach (var garbage in Garbage)
                {
                    yield return ($"{path}?{Uri.EscapeDataString(name)}={Escape(garbage)}", false);
                }
            }
        }

        private string RealValue(Route route, string parameter, Role role) => (route.Pattern.RawText, parameter.ToLowerInvariant()) switch
        {
            (_, "platformid") => Format(PlatformId),
            ("/support/platforms/{Id:int}", _) => Format(PlatformId),
            ("/documents/{id:int}/pdf", _) => Format(InvoiceId),
            ("/support/debit-files/{id:int}", _) => Format(DebitFileId),
            (_, "offercode") => "professional",
            (_, "ticket") => userIds.TryGetValue(role, out var userId)
                ? App.Services.GetRequiredService<ExportTickets>().Issue(userId, PlatformId, null)
                : "no-ticket",
            (_, "path") => "favicon.png",
            _ => "1",
        };

        private static string Format(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Percent-encoded, but an already encoded value (a traversal, a NUL) is sent as it is.</summary>
        private static string Escape(string value) => value.Contains('%', StringComparison.Ordinal) ? value : Uri.EscapeDataString(value);

        private static string Build(RoutePattern pattern, Dictionary<string, string> values)
        {
            var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => Escape(values[parameter.Name]),
                RoutePatternSeparatorPart separator => separator.Content,
                _ => "",
            })));
            return string.Join('/', segments);
        }

        public async Task DisposeAsync()
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            await App.DisposeAsync();
        }
    }
}

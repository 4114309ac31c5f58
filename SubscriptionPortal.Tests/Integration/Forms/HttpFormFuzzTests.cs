using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Http;
using SubscriptionPortal.Tests.Integration.Support;

namespace SubscriptionPortal.Tests.Integration.Forms;

/// <summary>
/// The form fuzz table for the forms posted to the server (sign-in, registration, the impersonation
/// reason), through the whole pipeline: no value gets a 500, each is refused with a message shown on
/// the page or accepted, and what a page shows back is HTML-encoded.
/// </summary>
public sealed class HttpFormFuzzTests : IAsyncLifetime
{
    private const string ValidPassword = "Fanfare-de-Lyon-2026!";

    private PortalApp app = default!;

    public Task InitializeAsync()
    {
        app = new PortalApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task SignIn_EveryFieldWithEveryFuzzValue_IsRefusedWithAMessageOnThePage()
    {
        var failures = new List<string>();
        (string Field, int Max)[] fields = [("Input.Email", FieldLimits.Email), ("Input.Password", FieldLimits.Password)];
        foreach (var (field, max) in fields)
        {
            foreach (var (kind, value) in FuzzValues.For(max))
            {
                using var client = app.CreatePortalClient();
                var form = PortalClient.FormFields(await client.GetPageAsync("Account/Login"), "login");
                form["Input.Email"] = "nobody@demo.test";
                form["Input.Password"] = "Wrong-password-2026!";
                form[field] = value;

                using var response = await client.PostFormAsync("Account/Login", form);

                var body = await response.Content.ReadAsStringAsync();
                var what = $"{field} with {kind}";
                if (IsRefusedByTheFormReader(kind, response))
                {
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{what}: {(int)response.StatusCode}");
                }
                else if (!body.Contains("role=\"alert\"", StringComparison.Ordinal) && !body.Contains("validation-message", StringComparison.Ordinal))
                {
                    failures.Add($"{what}: no message");
                }

                if (body.Contains(FuzzValues.HtmlValue, StringComparison.Ordinal))
                {
                    failures.Add($"{what}: the page shows the value unencoded");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Register_EveryFieldWithEveryFuzzValue_IsRefusedWithAMessageOrCreatesTheCleanedPlatform()
    {
        var failures = new List<string>();
        (string Field, int Max)[] fields =
        [
            ("Input.AssociationName", FieldLimits.PlatformName), ("Input.DisplayName", FieldLimits.PersonName),
            ("Input.Email", FieldLimits.Email), ("Input.Password", FieldLimits.Password),
        ];
        var attempt = 0;
        foreach (var (field, max) in fields)
        {
            foreach (var (kind, value) in FuzzValues.For(max))
            {
                using var client = app.CreatePortalClient();
                var email = $"fuzz{++attempt}@example.org";
                var form = PortalClient.FormFields(await client.GetPageAsync("Account/Register"), "register");
                form["Input.AssociationName"] = "Fanfare de Lyon";
                form["Input.DisplayName"] = "Jeanne Martin";
                form["Input.Email"] = email;
                form["Input.Password"] = ValidPassword;
                form[field] = value;
                form["Input.ConfirmPassword"] = form["Input.Password"];
                var users = await UserCountAsync();

                using var response = await client.PostFormAsync("Account/Register", form);

                var body = await response.Content.ReadAsStringAsync();
                var what = $"{field} with {kind}";
                if (body.Contains(FuzzValues.HtmlValue, StringComparison.Ordinal))
                {
                    failures.Add($"{what}: the page shows the value unencoded");
                }

                if (IsRefusedByTheFormReader(kind, response))
                {
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.OK)
                {
                    if (!body.Contains("role=\"alert\"", StringComparison.Ordinal) && !body.Contains("validation-message", StringComparison.Ordinal))
                    {
                        failures.Add($"{what}: refused without a message");
                    }

                    if (await UserCountAsync() != users)
                    {
                        failures.Add($"{what}: refused, yet an account was created");
                    }

                    continue;
                }

                if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    failures.Add($"{what}: {(int)response.StatusCode}");
                    continue;
                }

                if (FuzzValues.AlwaysRefused(kind) && field != "Input.Password")
                {
                    failures.Add($"{what}: accepted");
                }

                await using var db = app.OpenDatabase();
                var user = await db.Users.SingleAsync(u => u.Email == (field == "Input.Email" ? FieldText.Clean(value) : email));
                var platform = await db.Memberships.Where(m => m.UserId == user.Id)
                    .Join(db.Platforms, m => m.PlatformId, p => p.Id, (m, p) => p.Name).SingleAsync();
                var expectedName = field == "Input.AssociationName" ? FieldText.Clean(value) : "Fanfare de Lyon";
                if (platform != expectedName)
                {
                    failures.Add($"{what}: platform named '{platform}'");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task ImpersonationReason_EveryFuzzValue_IsRefusedWithAMessageOrRecordedAndShownEncoded()
    {
        var failures = new List<string>();
        var (adminId, platformId) = await app.AdminAsync("serenity@demo.test");
        foreach (var (kind, value) in FuzzValues.For(FieldLimits.ImpersonationReason))
        {
            using var client = app.CreatePortalClient();
            await client.SignInAsync("support@demo.test");
            var entries = await StartEntriesAsync();

            using var response = await client.PostStartAsync(adminId, platformId, value, await client.AntiforgeryTokenAsync());

            var what = $"reason with {kind}";
            var location = response.Headers.Location?.OriginalString ?? "";
            if (kind == FuzzValues.NullCharacter)
            {
                if (response.StatusCode != HttpStatusCode.BadRequest || !(await response.Content.ReadAsStringAsync()).Contains("null character", StringComparison.Ordinal))
                {
                    failures.Add($"{what}: {(int)response.StatusCode} without the message");
                }

                continue;
            }

            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                failures.Add($"{what}: {(int)response.StatusCode}");
                continue;
            }

            if (location.Contains("refused=", StringComparison.Ordinal))
            {
                var refusal = ImpersonationRefusals.Parse(location[(location.IndexOf("refused=", StringComparison.Ordinal) + 8)..]);
                var page = await client.GetPageAsync(location.TrimStart('/'));
                if (refusal is null || !page.Contains(WebUtility.HtmlEncode(ImpersonationRefusals.Message(refusal.Value, app.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(ImpersonationRefusals)))), StringComparison.Ordinal))
                {
                    failures.Add($"{what}: refused without the message on the page");
                }

                if (await StartEntriesAsync() != entries)
                {
                    failures.Add($"{what}: refused, yet recorded");
                }

                continue;
            }

            if (FuzzValues.AlwaysRefused(kind) || kind == FuzzValues.Empty)
            {
                failures.Add($"{what}: accepted");
            }

            await using (var db = app.OpenDatabase())
            {
                var details = await db.AuditEntries.Where(a => a.Action == AuditActions.ImpersonationStarted)
                    .OrderByDescending(a => a.Id).Select(a => a.Details).FirstAsync();
                if (details != $"Reason: {FieldText.Clean(value)}")
                {
                    failures.Add($"{what}: recorded as '{details}'");
                }
            }

            // Another agent reads the platform's activity: the reason is shown as text, never as markup.
            using var reader = app.CreatePortalClient();
            await reader.SignInAsync("support@demo.test");
            var activity = await reader.GetPageAsync($"support/platforms/{platformId}");
            if (activity.Contains(FuzzValues.HtmlValue, StringComparison.Ordinal))
            {
                failures.Add($"{what}: the activity shows the reason unencoded");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>
    /// ASP.NET Core's form reader refuses a null character in any posted field with a 400 before a page
    /// runs: a refusal, not a crash.
    /// </summary>
    private static bool IsRefusedByTheFormReader(string kind, HttpResponseMessage response) =>
        kind == FuzzValues.NullCharacter && response.StatusCode == HttpStatusCode.BadRequest;

    private async Task<int> UserCountAsync()
    {
        await using var db = app.OpenDatabase();
        return await db.Users.CountAsync();
    }

    private async Task<int> StartEntriesAsync()
    {
        await using var db = app.OpenDatabase();
        return await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ImpersonationStarted);
    }
}

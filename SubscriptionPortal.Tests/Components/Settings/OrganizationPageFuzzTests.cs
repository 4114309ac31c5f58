using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Pages.Settings;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Tests.Integration.Forms;

namespace SubscriptionPortal.Tests.Components.Settings;

/// <summary>
/// The form fuzz table on the rendered Settings › Organization page: each value typed into each field and
/// saved shows the field's message, HTML-encoded, or is saved; the page never throws and never shows a
/// typed value as markup.
/// </summary>
public sealed class OrganizationPageFuzzTests : DatabaseComponentTest
{
    private static readonly (string Field, int Max)[] Fields =
    [
        (nameof(OrganizationForm.Name), FieldLimits.PlatformName),
        (nameof(OrganizationForm.AddressLine), FieldLimits.Address),
        (nameof(OrganizationForm.PostalCode), FieldLimits.PostalCode),
        (nameof(OrganizationForm.City), FieldLimits.City),
        (nameof(OrganizationForm.Country), FieldLimits.Country),
        (nameof(OrganizationForm.Siren), 9),
        (nameof(OrganizationForm.BillingEmail), FieldLimits.Email),
    ];

    [Fact]
    public async Task EveryFieldWithEveryFuzzValue_ShowsItsMessageOrIsSaved()
    {
        var admin = await SignInAsync("serenity@demo.test");
        Context.Services.AddSingleton(_ => Database.Get<OrganizationSettings>());
        var failures = new List<string>();
        for (var index = 0; index < Fields.Length; index++)
        {
            var (field, max) = Fields[index];
            foreach (var (kind, value) in FuzzValues.For(max))
            {
                var page = Context.Render<OrganizationPage>();
                page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input, textarea")));
                var input = page.FindAll("input, textarea")[index];
                // Fields that update as one types listen to input, the others to change.
                if (input.HasAttribute("blazor:onchange"))
                {
                    input.Change(value);
                }
                else
                {
                    input.Input(value);
                }

                var form = await CurrentFormAsync(admin);
                Set(form, field, value);
                var errors = OrganizationSettings.Validate(form, out _);

                await page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").ClickAsync(new());

                var what = $"{field} with {kind}";
                try
                {
                    if (errors.TryGetValue(field, out var message))
                    {
                        page.WaitForAssertion(() => Assert.Contains(Encoded(message), page.Markup, StringComparison.Ordinal));
                    }
                    else
                    {
                        page.WaitForAssertion(() => Assert.DoesNotContain("Nothing was saved", page.Markup, StringComparison.Ordinal));
                    }
                }
                catch (Exception ex)
                {
                    failures.Add($"{what}: {ex.Message.Split('\n')[0]}");
                }

                // Parsed as the browser would: the typed markup is text (or an attribute's value), never elements.
                if (page.FindAll("script, b").Count > 0)
                {
                    failures.Add($"{what}: the page renders the value as markup");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Fields_CarryTheirLimits()
    {
        await SignInAsync("serenity@demo.test");
        Context.Services.AddSingleton(_ => Database.Get<OrganizationSettings>());

        var page = Context.Render<OrganizationPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input, textarea")));
        // The billing language is chosen from a list, not typed.
        var limits = page.FindAll("input:not([role=combobox]), textarea").Select(e => e.GetAttribute("maxlength")).ToList();
        Assert.Equal(["100", "302", "10", "60", "60", "20", "254", "20", "20", "302", "10", "60", "60"], limits);
        Assert.Equal("textarea", page.FindAll("input, textarea")[1].TagName.ToLowerInvariant());
    }

    // Text as Blazor writes it into markup: the characters that could open markup are encoded.
    private static string Encoded(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private async Task<OrganizationForm> CurrentFormAsync(System.Security.Claims.ClaimsPrincipal admin)
    {
        await using var db = Database.CreateContext();
        var id = await db.CurrentPlatformIdAsync(admin);
        var p = await db.Platforms.AsNoTracking().SingleAsync(x => x.Id == id);
        return new OrganizationForm
        {
            Name = p.Name, AddressLine = p.AddressLine, PostalCode = p.PostalCode, City = p.City, Country = p.Country, Siren = p.Siren,
            BillingEmail = p.BillingEmail,
        };
    }

    private static void Set(OrganizationForm form, string field, string value)
    {
        switch (field)
        {
            case nameof(OrganizationForm.Name): form.Name = value; break;
            case nameof(OrganizationForm.AddressLine): form.AddressLine = value; break;
            case nameof(OrganizationForm.PostalCode): form.PostalCode = value; break;
            case nameof(OrganizationForm.City): form.City = value; break;
            case nameof(OrganizationForm.Country): form.Country = value; break;
            case nameof(OrganizationForm.Siren): form.Siren = value; break;
            default: form.BillingEmail = value; break;
        }
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SubscriptionPortal.LoadTests;

/// <summary>
/// One person in their own browser context (own cookies, own tab, own circuit): signs in, opens
/// Settings › Subscription Plan, goes to Professional's choice page and changes tier and commitment,
/// each time timing in the page itself the click until the new quote is on screen.
/// </summary>
internal sealed partial class VirtualUser(IBrowser browser, Uri baseAddress, string email)
{
    // Set up in the page before each click: the time of the click (capture phase, before Blazor sees
    // it) and the time the quote's text is no longer what it was.
    private const string ArmScript = """
        () => {
            const quote = () => document.querySelector('[data-testid="quote"]')?.textContent ?? '';
            const before = quote();
            const timing = { clicked: 0, shown: 0 };
            window.__quoteTiming = timing;
            document.addEventListener('click', () => { if (!timing.clicked) timing.clicked = performance.now(); }, { capture: true, once: true });
            const observer = new MutationObserver(() => {
                if (timing.clicked && quote() !== before) {
                    timing.shown = performance.now();
                    observer.disconnect();
                }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    private static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(60);

    private IBrowserContext? context;
    private IPage? page;
    private int errors;
    private bool onChoicePage;

    public string Email => email;

    /// <summary>Client-side failures: page errors, console errors, steps that failed or timed out, the error bar or the reconnect dialog shown.</summary>
    public int Errors => Volatile.Read(ref errors);

    public List<double> QuoteLatenciesMs { get; } = [];

    public async Task<bool> SignInAndOpenPlanAsync()
    {
        try
        {
            context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "en-GB" });
            context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
            page = await context.NewPageAsync();
            page.PageError += (_, _) => Interlocked.Increment(ref errors);
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    Interlocked.Increment(ref errors);
                }
            };

            await SignInAsync(context);
            await page.GotoAsync("settings/subscription");
            await WaitForInteractiveAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Change Subscription" }).WaitForAsync();
            return true;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Fail(e);
            return false;
        }
    }

    /// <summary>
    /// Posts the real sign-in form from the context's own HTTP client, which keeps the Identity cookie
    /// for the tab: the same sign-in as the form, without rendering the static login page in the browser.
    /// </summary>
    private async Task SignInAsync(IBrowserContext browserContext)
    {
        var form = await browserContext.APIRequest.GetAsync("Account/Login");
        var token = AntiforgeryToken().Match(await form.TextAsync()).Groups[1].Value;
        var response = await browserContext.APIRequest.PostAsync("Account/Login", new()
        {
            Form = browserContext.APIRequest.CreateFormData()
                .Set("__RequestVerificationToken", token)
                .Set("_handler", "login")
                .Set("Input.Email", email)
                .Set("Input.Password", LoadUsers.Password),
            MaxRedirects = 0,
        });
        if (response.Status != 302)
        {
            throw new PlaywrightException($"Signing in answered {response.Status} instead of a redirect.");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>From Subscription Plan to Professional's choice page, until its first quote is on screen.</summary>
    public async Task OpenChoicePageAsync()
    {
        if (page is null)
        {
            return;
        }

        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Change Subscription" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "See offers" }).ClickAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "Professional" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Choose Professional", Exact = true }).ClickAsync();
            await page.GetByTestId("quote").WaitForAsync();
            onChoicePage = true;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Fail(e);
        }
    }

    /// <summary>On the choice page, <paramref name="changes"/> changes, alternating tier and commitment.</summary>
    public async Task ChangeQuotesAsync(int changes, Random random)
    {
        // A tab that did not get there would only wait out each click's timeout.
        if (page is null || !onChoicePage)
        {
            return;
        }

        try
        {
            var tiers = page.GetByRole(AriaRole.Radiogroup, new() { Name = "Number of contacts" }).GetByRole(AriaRole.Radio);
            var commitments = page.GetByRole(AriaRole.Radiogroup, new() { Name = "Commitment" }).GetByRole(AriaRole.Radio);
            for (var i = 0; i < changes; i++)
            {
                // A person reads the quote before the next click.
                await Task.Delay(random.Next(500, 1500));
                var group = i % 2 == 0 ? tiers : commitments;
                var next = await NextUncheckedAsync(group);
                await page.EvaluateAsync(ArmScript);
                await next.CheckAsync();
                await page.WaitForFunctionAsync("() => window.__quoteTiming.shown > 0", null, new() { Timeout = (float)ActionTimeout.TotalMilliseconds });
                QuoteLatenciesMs.Add(await page.EvaluateAsync<double>("() => window.__quoteTiming.shown - window.__quoteTiming.clicked"));
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Fail(e);
        }
    }

    /// <summary>Counts the error bar or the reconnect dialog if either is on screen now.</summary>
    public async Task CheckScreenAsync()
    {
        if (page is null)
        {
            return;
        }

        try
        {
            if (await page.Locator("#blazor-error-ui").IsVisibleAsync() || await page.Locator("#components-reconnect-modal").IsVisibleAsync())
            {
                Interlocked.Increment(ref errors);
            }
        }
        catch (PlaywrightException e)
        {
            Fail(e);
        }
    }

    /// <summary>Closes the tab and its context, as a person closing their browser.</summary>
    public async Task LeaveAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
            context = null;
            page = null;
        }
    }

    private static async Task<ILocator> NextUncheckedAsync(ILocator radios)
    {
        var count = await radios.CountAsync();
        for (var i = 0; i < count; i++)
        {
            if (await radios.Nth(i).IsCheckedAsync())
            {
                // The next one that can be chosen, wrapping around.
                for (var step = 1; step < count; step++)
                {
                    var candidate = radios.Nth((i + step) % count);
                    if (await candidate.IsEnabledAsync())
                    {
                        return candidate;
                    }
                }
            }
        }

        return radios.First;
    }

    private Task WaitForInteractiveAsync() => page!.Locator("[data-interactive='true']").First.WaitForAsync();

    private void Fail(Exception e)
    {
        Interlocked.Increment(ref errors);
        Console.Error.WriteLine($"  {email}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
    }
}

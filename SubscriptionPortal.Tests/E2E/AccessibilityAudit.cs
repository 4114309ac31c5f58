using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>
/// Runs axe-core's WCAG 2.0 and 2.1 level A and AA rules on what a page shows now, and words each
/// violation so a failure says what to fix: the page, the rule, its impact and the elements.
/// </summary>
/// <remarks>
/// axe-core runs in the page itself, injected once per document (the app's own navigations keep it).
/// Deque's Playwright wrapper instead finishes every audit in a new blank tab, which took ten times
/// as long as the audit. The app's pages have no frame of their own to audit: the one frame it shows,
/// an email's HTML, is sandboxed without scripts, where axe-core cannot run.
/// </remarks>
public static class AccessibilityAudit
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Audits the page as it is drawn now; one line per violating rule, none when it passes.</summary>
    public static async Task<IReadOnlyList<string>> AuditAsync(IPage page, string screen)
    {
        await SettleAsync(page);
        return [.. (await RunAxeAsync(page)).Select(v =>
            $"{screen}: {v.Id} ({v.Impact}) {v.Help}" + string.Concat(v.Nodes.Select(n => $"\n    at {n.Target}  {Trim(n.Html)}")))];
    }

    /// <summary>axe-core's violations of the WCAG rules on the page as it is now, without waiting for anything.</summary>
    public static async Task<IReadOnlyList<Violation>> RunAxeAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
                // Only what fails counts: passes and incomplete results would only slow the run down.
                const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false });
                return results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({ target: n.target.map(t => [].concat(t).join(' >>> ')).join(', '), html: n.html })),
                }));
            }
            """,
            WcagTags);
        return violations.Deserialize<Violation[]>(JsonSerializerOptions.Web)!;
    }

    /// <summary>
    /// Waits until the page has loaded its data (no progress bar left) and its transitions (a dialog fading in,
    /// a tab's ink bar sliding) have ended, so contrast is measured on the final colours.
    /// </summary>
    public static async Task SettleAsync(IPage page)
    {
        await page.Locator(".mud-progress-linear, .mud-table-loading").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        // A snackbar fades out after a few seconds, and a fading text fails any contrast check: it is closed with
        // its close button, as a person would, and let go before the audit (waiting for it to leave on its own
        // took 8.5 s on the cancelled subscription's screen, closing it 2.4 s). Its colours are the theme's
        // filled status colours, audited on the status chips. The buttons are clicked in the page, so one that
        // leaves on its own meanwhile is no error.
        await page.EvaluateAsync("() => document.querySelectorAll('.mud-snackbar button').forEach(b => b.click())");
        await page.Locator(".mud-snackbar").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
        // Twice in a row nothing left to finish: a snackbar or a dialog may start its transition a frame late.
        await page.EvaluateAsync("""
            async () => {
                const frame = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
                for (let calm = 0; calm < 2;) {
                    await frame();
                    const running = document.getAnimations().filter(a => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
                    calm = running.length === 0 ? calm + 1 : 0;
                    await Promise.all(running.map(a => a.finished.catch(() => null)));
                }
            }
            """);
    }

    private static string Trim(string html) => html.Length <= 120 ? html : html[..117] + "...";

    public sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<ViolatingNode> Nodes);

    public sealed record ViolatingNode(string Target, string Html);
}

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>
/// Runs axe-core's WCAG 2.0 and 2.1 level A and AA rules on what a page shows now, and words each
/// violation so a failure says what to fix: the page, the rule, its impact and the elements.
/// </summary>
public static class AccessibilityAudit
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        // Only what fails counts: passes and incomplete results would only slow the run down.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Audits the page as it is drawn now; one line per violating rule, none when it passes.</summary>
    public static async Task<IReadOnlyList<string>> AuditAsync(IPage page, string screen)
    {
        await SettleAsync(page);
        var result = await page.RunAxe(Options);
        return [.. result.Violations.Select(v =>
            $"{screen}: {v.Id} ({v.Impact}) {v.Help}" + string.Concat(v.Nodes.Select(n => $"\n    at {n.Target}  {Trim(n.Html)}")))];
    }

    /// <summary>
    /// Waits until the page has loaded its data (no progress bar left) and its transitions (a dialog fading in,
    /// a tab's ink bar sliding) have ended, so contrast is measured on the final colours.
    /// </summary>
    public static async Task SettleAsync(IPage page)
    {
        await page.Locator(".mud-progress-linear, .mud-table-loading").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        // A snackbar fades out after a few seconds, and a fading text fails any contrast check: it is let go
        // first. Its colours are the theme's filled status colours, audited on the status chips.
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
}

using Microsoft.Playwright;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>Keeps screenshots of the screens a test walks through, to look at them (bin/.../screenshots/).</summary>
public static class Screenshots
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }
}

using MudBlazor;

namespace SubscriptionPortal.Components.Layout;

internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#2e7d32",
            AppbarBackground = "#1f4e79",

            // MudBlazor's default status colours are too light for text: white on them, or they on white,
            // stays under WCAG AA's 4.5:1 (the success green 2.2:1, the warning orange 2.2:1). These
            // darker shades keep both above 5:1, for filled chips and buttons as for outlined ones and alerts.
            Success = "#2e7d32",
            Error = "#c62828",
            Warning = "#ad5700",
            Info = "#1565c0",
        },

        // Labels read as the product writes them ("Validate offer", "See offers"), not in capitals.
        Typography = new Typography
        {
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}

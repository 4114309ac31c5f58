using SubscriptionPortal.Billing;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Emails;

/// <summary>The language a platform's emails are written in: its billing language, the language of its documents.</summary>
internal static class EmailLanguage
{
    public static string Of(Platform platform) =>
        BillingLanguage.IsSupported(platform.BillingLanguage) ? platform.BillingLanguage : BillingLanguage.Default;
}

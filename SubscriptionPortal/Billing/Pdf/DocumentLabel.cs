namespace SubscriptionPortal.Billing.Pdf;

/// <summary>One text of the documents in French, the language of the law, and in English, printed beneath it on English documents.</summary>
internal sealed record DocumentLabel(string French, string English);

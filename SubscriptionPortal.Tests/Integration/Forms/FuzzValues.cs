namespace SubscriptionPortal.Tests.Integration.Forms;

/// <summary>
/// What a careless user or an attacker types into any text field. "overlong" is one character over
/// the field's limit, so it is built per field.
/// </summary>
public static class FuzzValues
{
    public const string Empty = "empty";
    public const string Overlong = "overlong";
    public const string Control = "control characters";
    public const string RtlOverride = "right-to-left override";
    public const string RtlScript = "right-to-left script";
    public const string Emoji = "emoji";
    public const string Cjk = "CJK";
    public const string Html = "HTML and script";
    public const string Sql = "SQL quotes";

    public const string HtmlValue = "<script>alert('x')</script><b>b</b>";

    public static IReadOnlyList<(string Kind, string Value)> For(int maxLength) =>
    [
        (Empty, ""),
        (Overlong, new string('a', maxLength + 1)),
        (Control, "Chorale\u0007du\u0000Marais\u001B"),
        (RtlOverride, "\u202Eslanruoj"),
        (RtlScript, "جوقة מקהלה"),
        (Emoji, "Chorale 😀"),
        (Cjk, "合唱団 漢"),
        (Html, HtmlValue),
        (Sql, "O'Brien'); DROP TABLE \"Platforms\";--"),
    ];

    /// <summary>Kinds every field refuses, whatever it is for.</summary>
    public static bool AlwaysRefused(string kind) => kind is Overlong or Control or RtlOverride;
}

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
    public const string NullCharacter = "null character";
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
        (Control, "Chorale\u0007du\u001BMarais\u0008"),
        (NullCharacter, "Chorale\u0000du Marais"),
        (RtlOverride, "\u202Eslanruoj"),
        (RtlScript, "جوقة מקהלה"),
        (Emoji, "Chorale 😀"),
        (Cjk, "合唱団 漢"),
        (Html, HtmlValue),
        (Sql, "O'Brien'); DROP TABLE \"Platforms\";--"),
    ];

    /// <summary>Kinds every field refuses, whatever it is for.</summary>
    public static bool AlwaysRefused(string kind) => kind is Overlong or Control or NullCharacter or RtlOverride;
}

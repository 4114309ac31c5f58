using System.Text;

namespace SubscriptionPortal.Data;

/// <summary>
/// "Contains" searches that find the same rows on SQLite and PostgreSQL. SQLite's LIKE ignores the
/// case of ASCII letters and PostgreSQL's does not, so both sides are lowered: the column with
/// <c>ToLower()</c> (ASCII only on both, PostgreSQL's columns using the "C" collation) and the term
/// here, the same way. The user's <c>%</c>, <c>_</c> and <c>\</c> are escaped so they match
/// themselves: PostgreSQL's LIKE treats a backslash as an escape by default, SQLite's does not.
/// </summary>
internal static class TextSearch
{
    /// <summary>Pass as the third argument of <c>EF.Functions.Like</c>.</summary>
    public const string EscapeCharacter = "\\";

    /// <summary>The pattern for <c>EF.Functions.Like(column.ToLower(), pattern, EscapeCharacter)</c>.</summary>
    public static string ContainsPattern(string term)
    {
        var pattern = new StringBuilder("%");
        foreach (var c in term.Trim())
        {
            if (c is '%' or '_' or '\\')
            {
                pattern.Append('\\');
            }

            pattern.Append(c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c);
        }

        return pattern.Append('%').ToString();
    }
}

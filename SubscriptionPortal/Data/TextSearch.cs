using System.Globalization;
using System.Text;

namespace SubscriptionPortal.Data;

/// <summary>
/// "Contains" searches that find the same rows on SQLite and PostgreSQL. SQLite's LIKE ignores the
/// case of ASCII letters and PostgreSQL's does not, so both sides are lowered: the column with
/// <c>ToLower()</c> (ASCII only on both, PostgreSQL's columns using the "C" collation) and the term
/// here, the same way. The user's <c>%</c>, <c>_</c> and <c>\</c> are escaped so they match
/// themselves: PostgreSQL's LIKE treats a backslash as an escape by default, SQLite's does not.
/// <para>
/// Neither database lowers or compares accented letters the French way, so the names people search and sort
/// (a contact's, a platform's) are also stored as a <em>key</em>, folded here by <see cref="Fold"/>: "Élodie"
/// is kept as "elodie", found by "elodie", "Élodie" or "ÉLODIE" (<see cref="KeyPattern"/>), and sorted
/// between "Céline" and "François" on both databases, byte by byte.
/// </para>
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

    /// <summary>The pattern for <c>EF.Functions.Like(keyColumn, pattern, EscapeCharacter)</c>, on a column holding <see cref="Fold"/>ed text.</summary>
    public static string KeyPattern(string term) => ContainsPattern(Fold(term));

    /// <summary>
    /// <paramref name="text"/> as it is searched and sorted: lower case, without accents (letters decomposed and
    /// their marks dropped, "œ" and "æ" written out, compatibility forms such as a non-breaking space made plain),
    /// cut to <paramref name="maxLength"/> characters, what its column holds.
    /// </summary>
    public static string Fold(string text, int maxLength = int.MaxValue)
    {
        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Half a surrogate pair, which cannot be normalised (a typed search may hold one): folded as it is.
            decomposed = text;
        }

        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ' or 'Œ':
                    key.Append("oe");
                    break;
                case 'æ' or 'Æ':
                    key.Append("ae");
                    break;
                case 'ß':
                    key.Append("ss");
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
                    {
                        key.Append(char.ToLowerInvariant(c));
                    }

                    break;
            }
        }

        if (key.Length > maxLength)
        {
            // A cut between the two halves of a surrogate pair would leave half a character.
            key.Length = char.IsHighSurrogate(key[maxLength - 1]) ? maxLength - 1 : maxLength;
        }

        return key.ToString();
    }
}

using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SubscriptionPortal.Components.Account;

/// <summary>
/// The token carried by an emailed link (password reset, email confirmation), base64url-encoded. A
/// link typed or cut wrongly is an invalid link, not a failure of the page.
/// </summary>
internal static class AccountLinkCode
{
    public static bool TryDecode(string? code, out string token)
    {
        token = "";
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        try
        {
            token = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(WebEncoders.Base64UrlDecode(code));
            return true;
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return false;
        }
    }
}

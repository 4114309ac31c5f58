using System.Globalization;
using System.Resources;

namespace SubscriptionPortal.Components.Account;

/// <summary>
/// The validation messages of the account forms, in the request's language. Validation attributes name
/// a static property for their message (<c>ErrorMessageResourceType</c>), read when a form is validated,
/// so each property reads the resource for the current UI culture at that moment.
/// </summary>
internal static class AccountValidation
{
    private static readonly ResourceManager Resources =
        new("SubscriptionPortal.Resources.Components.Account.AccountValidation", typeof(AccountValidation).Assembly);

    public static string EnterYourEmail => Text(nameof(EnterYourEmail));

    public static string EnterValidEmail => Text(nameof(EnterValidEmail));

    public static string EmailTooLong => Text(nameof(EmailTooLong));

    public static string EnterYourPassword => Text(nameof(EnterYourPassword));

    public static string PasswordTooLong => Text(nameof(PasswordTooLong));

    public static string EnterAssociationName => Text(nameof(EnterAssociationName));

    public static string AssociationNameTooLong => Text(nameof(AssociationNameTooLong));

    public static string EnterYourName => Text(nameof(EnterYourName));

    public static string YourNameTooLong => Text(nameof(YourNameTooLong));

    public static string ChooseAPassword => Text(nameof(ChooseAPassword));

    public static string PasswordLength => Text(nameof(PasswordLength));

    public static string PasswordsDoNotMatch => Text(nameof(PasswordsDoNotMatch));

    public static string EnterCurrentPassword => Text(nameof(EnterCurrentPassword));

    public static string EnterNewEmail => Text(nameof(EnterNewEmail));

    public static string EnterAuthenticatorCode => Text(nameof(EnterAuthenticatorCode));

    public static string AuthenticatorCodeLength => Text(nameof(AuthenticatorCodeLength));

    public static string EnterRecoveryCode => Text(nameof(EnterRecoveryCode));

    public static string EnterPasskeyName => Text(nameof(EnterPasskeyName));

    public static string PasskeyNameTooLong => Text(nameof(PasskeyNameTooLong));

    public static string EnterValidPhoneNumber => Text(nameof(EnterValidPhoneNumber));

    public static string ResetCodeMissing => Text(nameof(ResetCodeMissing));

    private static string Text(string name) =>
        Resources.GetString(name, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No account validation message '{name}'.");
}

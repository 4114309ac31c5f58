using System.ComponentModel.DataAnnotations;
using Bunit;
using Microsoft.AspNetCore.Identity;
using SubscriptionPortal.Components.Account;
using SubscriptionPortal.Components.Account.Pages;
using SubscriptionPortal.Components.Account.Pages.Manage;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Components.Account;

public sealed class AccountPagesInFrenchTests : PageRenderTest
{
    [Fact]
    public void SignIn_InFrench_ShowsTheFrenchLabels()
    {
        UseCulture("fr-FR");

        var page = RenderPage<Login>();

        Assert.Equal("Se connecter", page.Find("h1").TextContent.Trim());
        Assert.Equal("Adresse e-mail", page.Find("label[for='Input.Email']").TextContent.Trim());
        Assert.Equal("Mot de passe", page.Find("label[for='Input.Password']").TextContent.Trim());
        Assert.Equal("Rester connecté", page.Find("label[for='Input.RememberMe']").TextContent.Trim());
        Assert.Equal("Créer un compte et une plateforme gratuite", page.Find("a[href='Account/Register']").TextContent.Trim());
    }

    [Fact]
    public void SignIn_InEnglish_KeepsTheEnglishLabels()
    {
        UseCulture("en-GB");

        var page = RenderPage<Login>();

        Assert.Equal("Sign in", page.Find("h1").TextContent.Trim());
        Assert.Equal("Email", page.Find("label[for='Input.Email']").TextContent.Trim());
        Assert.Equal("Sign in", page.Find("button[type=submit]").TextContent.Trim());
    }

    [Fact]
    public void Register_InFrench_SaysTheAssociationStartsOnLibertyAndAsksTenCharacters()
    {
        UseCulture("fr-FR");

        var page = RenderPage<Register>();

        Assert.Equal("Créer un compte", page.Find("h1").TextContent.Trim());
        Assert.Contains("Votre association démarre avec Liberty", page.Markup);
        Assert.Equal("Mot de passe (au moins 10 caractères)", page.Find("label[for='Input.Password']").TextContent.Trim());
        Assert.Equal("Nom de l'association", page.Find("label[for='Input.AssociationName']").TextContent.Trim());
    }

    [Fact]
    public async Task TwoFactorPage_InFrench_ShowsTheFrenchTitleAndButton()
    {
        UseCulture("fr-FR");
        await SignInAsync("serenity@demo.test");

        var page = RenderPage<TwoFactorAuthentication>();

        // The title comes first, the user's settings once read: on a database server, in a later render.
        page.WaitForAssertion(() => Assert.Contains("Ajouter une application d'authentification", page.Markup));
        Assert.Equal("Authentification à deux facteurs", page.Find("h3").TextContent.Trim());
    }

    [Fact]
    public async Task ChangePasswordPage_InFrench_LabelsEveryField()
    {
        UseCulture("fr-FR");
        await SignInAsync("serenity@demo.test");

        var page = RenderPage<ChangePassword>();

        page.WaitForAssertion(() => Assert.Equal("Changer de mot de passe", page.Find("h3").TextContent.Trim()));
        Assert.Equal("Mot de passe actuel", page.Find("label[for='Input.OldPassword']").TextContent.Trim());
        Assert.Equal("Nouveau mot de passe", page.Find("label[for='Input.NewPassword']").TextContent.Trim());
        Assert.Equal("Mettre à jour le mot de passe", page.Find("button[type=submit]").TextContent.Trim());
    }

    [Fact]
    public async Task PasswordRules_InFrench_AreIdentitysErrorsInFrench()
    {
        UseCulture("fr-FR");
        var users = Database.Get<UserManager<ApplicationUser>>();

        var result = await users.CreateAsync(new ApplicationUser { UserName = "tresorier@exemple.fr", Email = "tresorier@exemple.fr" }, "court");

        var descriptions = result.Errors.Select(e => e.Description).ToList();
        Assert.Contains("Le mot de passe doit contenir au moins un chiffre (de 0 à 9).", descriptions);
        Assert.Contains("Le mot de passe doit compter au moins 10 caractères.", descriptions);
        Assert.Contains(result.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordRequiresDigit));
    }

    [Fact]
    public async Task PasswordRules_InEnglish_KeepIdentitysOwnWording()
    {
        UseCulture("en-GB");
        var users = Database.Get<UserManager<ApplicationUser>>();

        var result = await users.CreateAsync(new ApplicationUser { UserName = "treasurer@example.org", Email = "treasurer@example.org" }, "nodigitshere");

        Assert.Contains("Passwords must have at least one digit ('0'-'9').", result.Errors.Select(e => e.Description));
    }

    [Fact]
    public void AccountValidationMessages_InFrench_AreFrenchWithTheirLimits()
    {
        UseCulture("fr-FR");
        var required = new RequiredAttribute { ErrorMessageResourceType = typeof(AccountValidation), ErrorMessageResourceName = nameof(AccountValidation.EnterYourEmail) };
        var length = new StringLengthAttribute(128)
        {
            MinimumLength = 10,
            ErrorMessageResourceType = typeof(AccountValidation),
            ErrorMessageResourceName = nameof(AccountValidation.PasswordLength),
        };

        Assert.Equal("Saisissez votre adresse e-mail.", required.FormatErrorMessage("Email"));
        Assert.Equal("Le mot de passe doit compter au moins 10 caractères (et au plus 128).", length.FormatErrorMessage("Password"));

        UseCulture("en-GB");
        Assert.Equal("Enter your email.", required.FormatErrorMessage("Email"));
    }
}

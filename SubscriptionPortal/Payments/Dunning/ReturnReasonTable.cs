namespace SubscriptionPortal.Payments.Dunning;

/// <summary>Whether presenting a refused debit again can succeed.</summary>
public enum ReasonKind
{
    /// <summary>The account may be fine tomorrow (funds short, a refusal without reason): presented again on schedule.</summary>
    Temporary = 0,

    /// <summary>The account or mandate is unusable (closed, blocked, wrong IBAN, no mandate): never presented again on it; waits for a new mandate.</summary>
    Final = 1,
}

/// <summary>What a reason means and what the association should do, in one language.</summary>
/// <param name="WhatHappened">What the bank says, in plain words.</param>
/// <param name="WhatToDo">The admin's next step, shown in their banner.</param>
public sealed record PlainWords(string WhatHappened, string WhatToDo);

/// <summary>One row of <see cref="ReturnReasonTable"/>: a code, whether it is retried, and its plain words per language.</summary>
public sealed record ReturnReasonRow(string Code, ReasonKind Kind, PlainWords English, PlainWords French);

/// <summary>
/// The SEPA reject and return reasons the portal knows, as data in one place: each ISO 20022 code, whether
/// dunning presents the debit again (<see cref="ReasonKind"/>), and its plain-words explanation. A language
/// is one more <see cref="PlainWords"/> column on <see cref="ReturnReasonRow"/>.
/// </summary>
public static class ReturnReasonTable
{
    private const string SignNewMandate =
        "Sign a new mandate for a valid account in Settings › Payment method: the amount is then collected again automatically.";

    private const string SigneNouveauMandat =
        "Signez un nouveau mandat pour un compte valide dans Paramètres › Moyen de paiement : le montant est ensuite prélevé à nouveau automatiquement.";

    private const string WePresentAgain =
        "We present the debit again automatically; you can also pay by bank transfer and tell us.";

    private const string NousRepresentons =
        "Nous présentons à nouveau le prélèvement automatiquement ; vous pouvez aussi payer par virement et nous le signaler.";

    private const string CheckWithBank =
        "Check with your bank that it accepts direct debits from SubscriptionPortal: we present the debit again automatically.";

    private const string VerifiezAvecBanque =
        "Vérifiez auprès de votre banque qu'elle accepte les prélèvements de SubscriptionPortal : nous présentons à nouveau le prélèvement automatiquement.";

    /// <summary>Every known reason, in the order support is offered them.</summary>
    public static readonly IReadOnlyList<ReturnReasonRow> Rows =
    [
        new("AM04", ReasonKind.Temporary, new("Insufficient funds on the account", "Make sure the account has enough funds. " + WePresentAgain),
            new("Provision insuffisante sur le compte", "Assurez-vous que le compte est suffisamment approvisionné. " + NousRepresentons)),
        new("AC01", ReasonKind.Final, new("The account number is incorrect", SignNewMandate),
            new("Le numéro de compte est incorrect", SigneNouveauMandat)),
        new("AC04", ReasonKind.Final, new("The account is closed", SignNewMandate),
            new("Le compte est clôturé", SigneNouveauMandat)),
        new("AC06", ReasonKind.Final, new("The account is blocked", SignNewMandate),
            new("Le compte est bloqué", SigneNouveauMandat)),
        new("AG01", ReasonKind.Final, new("Direct debits are not allowed on this account", SignNewMandate),
            new("Les prélèvements ne sont pas autorisés sur ce compte", SigneNouveauMandat)),
        new("MD01", ReasonKind.Final, new("The bank holds no mandate for this debit", SignNewMandate),
            new("La banque n'a pas de mandat pour ce prélèvement", SigneNouveauMandat)),
        new("MD02", ReasonKind.Final, new("Mandate information is missing or wrong", SignNewMandate),
            new("Les informations du mandat sont absentes ou erronées", SigneNouveauMandat)),
        new("MD06", ReasonKind.Temporary, new("The account holder asked for a refund", "The amount is still owed. " + WePresentAgain),
            new("Le titulaire du compte a demandé un remboursement", "Le montant reste dû. " + NousRepresentons)),
        new("MD07", ReasonKind.Final, new("The account holder has died", SignNewMandate),
            new("Le titulaire du compte est décédé", SigneNouveauMandat)),
        new("MS02", ReasonKind.Temporary, new("The account holder refused the debit", CheckWithBank),
            new("Le titulaire du compte a refusé le prélèvement", VerifiezAvecBanque)),
        new("MS03", ReasonKind.Temporary, new("The bank refused the debit without giving a reason", CheckWithBank),
            new("La banque a refusé le prélèvement sans en donner la raison", VerifiezAvecBanque)),
        new("SL01", ReasonKind.Final, new("The account holder's bank blocks debits from this creditor", SignNewMandate),
            new("La banque du titulaire bloque les prélèvements de ce créancier", SigneNouveauMandat)),
        new("RC01", ReasonKind.Final, new("The bank identifier (BIC) is incorrect", SignNewMandate),
            new("L'identifiant de la banque (BIC) est incorrect", SigneNouveauMandat)),
        new("AM05", ReasonKind.Temporary, new("The bank saw this debit as a duplicate", "Nothing to do for now: our team checks it with the bank. " + WePresentAgain),
            new("La banque a vu ce prélèvement comme un doublon", "Rien à faire pour l'instant : notre équipe vérifie avec la banque. " + NousRepresentons)),
    ];

    /// <summary>
    /// The row for a code the table does not list (a bank may send any ISO 20022 code): treated as temporary,
    /// so the debit is presented again rather than left to wait for a mandate nobody asked for.
    /// </summary>
    public static ReturnReasonRow Unlisted(string code) =>
        new(code, ReasonKind.Temporary,
            new($"The bank refused the debit (reason {code})", CheckWithBank),
            new($"La banque a refusé le prélèvement (motif {code})", VerifiezAvecBanque));
}

namespace SubscriptionPortal.Payments.Sepa;

/// <summary>Where a recurrent SEPA Core debit stands in its mandate's life (pain.008 <c>SeqTp</c>).</summary>
internal enum SequenceType
{
    /// <summary>FRST: the first debit under a mandate, or the first after earlier attempts all failed.</summary>
    First,

    /// <summary>RCUR: any later debit under a mandate that already has one submitted or collected.</summary>
    Recurring,
}

using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Tests.Unit.Payments.Sepa;

public sealed class Pain008WriterTests
{
    private static readonly XNamespace Ns = Pain008Writer.Namespace;
    private static readonly Lazy<XmlSchemaSet> Schema = new(LoadSchema);

    private static readonly SepaCreditor Creditor = new("SubscriptionPortal SAS", "FR76 3000 6000 0112 3456 7890 189", "BNPAFRPP", "FR72ZZZ123456");

    private static readonly DateOnly Monday = new(2026, 1, 19);
    private static readonly DateOnly Tuesday = new(2026, 1, 20);

    [Fact]
    public void Write_SingleDebit_ValidatesAgainstTheSchema()
    {
        var document = WriteAndValidate(Batch(Debit("F-2026-000001", 24.00m)));

        Assert.Single(document.Descendants(Ns + "DrctDbtTxInf"));
    }

    [Fact]
    public void Write_MixedBatch_ValidatesAndCarriesEveryField()
    {
        var debit = Debit("F-2026-000042", 1440.00m) with
        {
            MandateId = "SP-000003-20250901-1",
            MandateSignedOn = new DateOnly(2025, 9, 1),
            SequenceType = SequenceType.Recurring,
            DebtorName = "Club Nautique de Lyon",
            DebtorIban = "de89 3704 0044 0532 0130 00",
            DebtorBic = "cobadeffxxx",
            RemittanceInformation = "Invoice F-2026-000042",
        };

        var document = WriteAndValidate(Batch(debit, Debit("F-2026-000043", 48.00m)));

        var tx = document.Descendants(Ns + "DrctDbtTxInf").Single(t => Value(t, "EndToEndId") == "F-2026-000042");
        Assert.Equal("1440.00", Value(tx, "InstdAmt"));
        Assert.Equal("EUR", tx.Element(Ns + "InstdAmt")!.Attribute("Ccy")!.Value);
        Assert.Equal("SP-000003-20250901-1", Value(tx, "MndtId"));
        Assert.Equal("2025-09-01", Value(tx, "DtOfSgntr"));
        Assert.Equal("COBADEFFXXX", Value(tx.Element(Ns + "DbtrAgt")!, "BIC"));
        Assert.Equal("Club Nautique de Lyon", Value(tx.Element(Ns + "Dbtr")!, "Nm"));
        Assert.Equal("DE89370400440532013000", Value(tx.Element(Ns + "DbtrAcct")!, "IBAN"));
        Assert.Equal("Invoice F-2026-000042", Value(tx, "Ustrd"));

        var block = tx.Parent!;
        Assert.Equal("DD", Value(block, "PmtMtd"));
        Assert.Equal("SEPA", Value(block.Element(Ns + "PmtTpInf")!.Element(Ns + "SvcLvl")!, "Cd"));
        Assert.Equal("CORE", Value(block.Element(Ns + "PmtTpInf")!.Element(Ns + "LclInstrm")!, "Cd"));
        Assert.Equal("FR7630006000011234567890189", Value(block.Element(Ns + "CdtrAcct")!, "IBAN"));
        Assert.Equal("BNPAFRPP", Value(block.Element(Ns + "CdtrAgt")!, "BIC"));
        Assert.Equal("FR72ZZZ123456", Value(block.Element(Ns + "CdtrSchmeId")!.Descendants(Ns + "Othr").Single(), "Id"));
        Assert.Equal("SLEV", Value(block, "ChrgBr"));
    }

    [Fact]
    public void Write_GroupHeader_CarriesMessageIdCreationInstantInUtcAndInitiatingParty()
    {
        var batch = Batch(Debit("F-2026-000001", 10m)) with
        {
            MessageId = "SP-DD-20260115-0001",
            CreatedAt = new DateTimeOffset(2026, 1, 15, 10, 30, 5, TimeSpan.FromHours(1)),
        };

        var header = WriteAndValidate(batch).Descendants(Ns + "GrpHdr").Single();

        Assert.Equal("SP-DD-20260115-0001", Value(header, "MsgId"));
        Assert.Equal("2026-01-15T09:30:05Z", Value(header, "CreDtTm"));
        Assert.Equal("SubscriptionPortal SAS", Value(header.Element(Ns + "InitgPty")!, "Nm"));
    }

    [Fact]
    public void Write_ControlSums_EqualTheDebitsSumAtBothLevels()
    {
        var debits = new[]
        {
            Debit("F-2026-000001", 0.01m),
            Debit("F-2026-000002", 19.99m) with { SequenceType = SequenceType.Recurring },
            Debit("F-2026-000003", 1234.56m) with { CollectionDate = Tuesday },
            Debit("F-2026-000004", 0.10m),
            Debit("F-2026-000005", 999.90m) with { SequenceType = SequenceType.Recurring, CollectionDate = Tuesday },
        };

        var document = WriteAndValidate(Batch(debits));

        var header = document.Descendants(Ns + "GrpHdr").Single();
        Assert.Equal("5", Value(header, "NbOfTxs"));
        Assert.Equal("2254.56", Value(header, "CtrlSum"));
        foreach (var block in document.Descendants(Ns + "PmtInf"))
        {
            var amounts = block.Elements(Ns + "DrctDbtTxInf").Select(t => decimal.Parse(Value(t, "InstdAmt"), CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(amounts.Count.ToString(CultureInfo.InvariantCulture), Value(block, "NbOfTxs"));
            Assert.Equal(amounts.Sum(), decimal.Parse(Value(block, "CtrlSum"), CultureInfo.InvariantCulture));
        }

        var blockSums = document.Descendants(Ns + "PmtInf").Sum(b => decimal.Parse(Value(b, "CtrlSum"), CultureInfo.InvariantCulture));
        Assert.Equal(debits.Sum(d => d.Amount), blockSums);
    }

    [Fact]
    public void Write_ManyDebits_KeepsTheControlSumExactToTheCent()
    {
        var debits = Enumerable.Range(1, 250)
            .Select(i => Debit($"F-2026-{i:D6}", i * 3.33m + 0.07m) with { SequenceType = i % 3 == 0 ? SequenceType.Recurring : SequenceType.First })
            .ToArray();

        var header = WriteAndValidate(Batch(debits)).Descendants(Ns + "GrpHdr").Single();

        Assert.Equal("250", Value(header, "NbOfTxs"));
        Assert.Equal(debits.Sum(d => d.Amount).ToString("0.00", CultureInfo.InvariantCulture), Value(header, "CtrlSum"));
    }

    [Fact]
    public void Write_DebitsOfTwoSequenceTypesAndTwoDates_GetOnePaymentBlockPerPair()
    {
        var document = WriteAndValidate(Batch(
            Debit("F-1", 1m) with { SequenceType = SequenceType.Recurring, CollectionDate = Tuesday },
            Debit("F-2", 2m) with { SequenceType = SequenceType.First, CollectionDate = Monday },
            Debit("F-3", 3m) with { SequenceType = SequenceType.Recurring, CollectionDate = Monday },
            Debit("F-4", 4m) with { SequenceType = SequenceType.First, CollectionDate = Monday },
            Debit("F-5", 5m) with { SequenceType = SequenceType.Recurring, CollectionDate = Tuesday }));

        var blocks = document.Descendants(Ns + "PmtInf")
            .Select(b => (
                Date: Value(b, "ReqdColltnDt"),
                Sequence: Value(b, "SeqTp"),
                Debits: string.Join(",", b.Elements(Ns + "DrctDbtTxInf").Select(t => Value(t, "EndToEndId")))))
            .ToList();

        Assert.Equal(
            new[] { ("2026-01-19", "FRST", "F-2,F-4"), ("2026-01-19", "RCUR", "F-3"), ("2026-01-20", "RCUR", "F-1,F-5") },
            blocks);
    }

    [Fact]
    public void Write_PaymentBlockIds_AreDistinctAndWithin35CharactersEvenForALongMessageId()
    {
        var batch = Batch(
            Debit("F-1", 1m),
            Debit("F-2", 2m) with { SequenceType = SequenceType.Recurring },
            Debit("F-3", 3m) with { CollectionDate = Tuesday }) with
        {
            MessageId = new string('M', 35),
        };

        var ids = WriteAndValidate(batch).Descendants(Ns + "PmtInfId").Select(e => e.Value).ToList();

        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id.Length <= 35, id));
    }

    [Fact]
    public void Write_AccentedNames_AreTransliteratedToTheSepaCharacterSet()
    {
        var batch = Batch(Debit("F-2026-000007", 36.00m) with
        {
            DebtorName = "Chorale du Marais — Société des Œuvres d’Éloïse & Cie",
            RemittanceInformation = "Abonnement Sérénité 250 contacts — période du 10/01 au 09/02",
        }) with
        {
            Creditor = Creditor with { Name = "Portail Associatif Française" },
            InitiatingPartyName = "Portail Associatif Française",
        };

        var document = WriteAndValidate(batch);

        var tx = document.Descendants(Ns + "DrctDbtTxInf").Single();
        Assert.Equal("Chorale du Marais - Societe des OEuvres d'Eloise + Cie", Value(tx.Element(Ns + "Dbtr")!, "Nm"));
        Assert.Equal("Abonnement Serenite 250 contacts - periode du 10/01 au 09/02", Value(tx, "Ustrd"));
        Assert.Equal("Portail Associatif Francaise", Value(document.Descendants(Ns + "Cdtr").Single(), "Nm"));
        Assert.Equal("Portail Associatif Francaise", Value(document.Descendants(Ns + "InitgPty").Single(), "Nm"));
    }

    [Fact]
    public void Write_OverlongTexts_AreCutToTheSepaLimits()
    {
        var document = WriteAndValidate(Batch(Debit("F-1", 5m) with
        {
            DebtorName = string.Concat(Enumerable.Repeat("Association ", 12)),
            RemittanceInformation = string.Concat(Enumerable.Repeat("Remittance ", 20)),
        }));

        var tx = document.Descendants(Ns + "DrctDbtTxInf").Single();
        Assert.True(Value(tx.Element(Ns + "Dbtr")!, "Nm").Length <= 70);
        Assert.True(Value(tx, "Ustrd").Length <= 140);
    }

    [Fact]
    public void Write_NameWithNoRepresentableCharacter_StillProducesAValidFile()
    {
        var document = WriteAndValidate(Batch(Debit("F-1", 5m) with { DebtorName = "Σύλλογος", RemittanceInformation = "" }));

        var tx = document.Descendants(Ns + "DrctDbtTxInf").Single();
        Assert.Equal("NOTPROVIDED", Value(tx.Element(Ns + "Dbtr")!, "Nm"));
        Assert.Null(tx.Element(Ns + "RmtInf"));
    }

    [Fact]
    public void Write_DebtorWithoutBic_SaysNotProvided()
    {
        var tx = WriteAndValidate(Batch(Debit("F-1", 5m) with { DebtorBic = null }))
            .Descendants(Ns + "DrctDbtTxInf").Single();

        var institution = tx.Element(Ns + "DbtrAgt")!.Element(Ns + "FinInstnId")!;
        Assert.Null(institution.Element(Ns + "BIC"));
        Assert.Equal("NOTPROVIDED", Value(institution.Element(Ns + "Othr")!, "Id"));
    }

    [Theory]
    [InlineData("20", "20.00")]
    [InlineData("12.5", "12.50")]
    [InlineData("1440", "1440.00")]
    [InlineData("1234567.89", "1234567.89")]
    [InlineData("0.01", "0.01")]
    public void Write_Amounts_HaveExactlyTwoDecimals(string amount, string expected)
    {
        var tx = WriteAndValidate(Batch(Debit("F-1", decimal.Parse(amount, CultureInfo.InvariantCulture))))
            .Descendants(Ns + "DrctDbtTxInf").Single();

        Assert.Equal(expected, Value(tx, "InstdAmt"));
    }

    [Fact]
    public void Write_UnderFrenchCulture_StillUsesAPointAndTwoDecimals()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");

            var document = WriteAndValidate(Batch(Debit("F-1", 1234.5m), Debit("F-2", 0.25m)));

            Assert.Equal("1234.50", Value(document.Descendants(Ns + "DrctDbtTxInf").First(), "InstdAmt"));
            Assert.Equal("1234.75", Value(document.Descendants(Ns + "GrpHdr").Single(), "CtrlSum"));
            Assert.Equal("2026-01-19", Value(document.Descendants(Ns + "PmtInf").Single(), "ReqdColltnDt"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Write_Output_IsUtf8WithoutByteOrderMarkAndDeclaresIt()
    {
        var bytes = Pain008Writer.Write(Batch(Debit("F-1", 5m)));

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Write_SameBatchTwice_GivesTheSameBytes()
    {
        var batch = Batch(Debit("F-1", 5m), Debit("F-2", 7m) with { SequenceType = SequenceType.Recurring });

        Assert.Equal(Pain008Writer.Write(batch), Pain008Writer.Write(batch));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10.005")]
    [InlineData("1000000000")]
    public void Write_AmountThatIsNotAPositiveWholeNumberOfCents_IsRefused(string amount)
    {
        var batch = Batch(Debit("F-1", decimal.Parse(amount, CultureInfo.InvariantCulture)));

        Assert.Throws<ArgumentException>(() => Pain008Writer.Write(batch));
    }

    [Fact]
    public void Write_SameInvoiceTwice_IsRefused()
    {
        var batch = Batch(Debit("F-2026-000001", 5m), Debit("F-2026-000001", 5m));

        var error = Assert.Throws<ArgumentException>(() => Pain008Writer.Write(batch));
        Assert.Contains("F-2026-000001", error.Message);
    }

    [Fact]
    public void Write_InvalidBatches_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => Pain008Writer.Write(Batch()));
        Assert.Throws<ArgumentException>(() => Pain008Writer.Write(Batch(Debit("F-1", 5m) with { DebtorIban = "FR7630006000011234567890188" })));
        Assert.Throws<ArgumentException>(() => Pain008Writer.Write(Batch(Debit("F-1", 5m) with { DebtorBic = "NOT A BIC" })));
        Assert.Throws<ArgumentException>(() => Pain008Writer.Write(Batch(Debit("F-1", 5m) with { MandateId = "RUM_1" })));
        Assert.Throws<ArgumentException>(() => Pain008Writer.Write(Batch(Debit("F_1", 5m))));
        Assert.Throws<ArgumentException>(() => Pain008Writer.Write(Batch(Debit("F-1", 5m) with { MandateSignedOn = Tuesday })));
        Assert.Throws<ArgumentException>(() => Pain008Writer.Write(Batch(Debit("F-1", 5m)) with { MessageId = "" }));
        Assert.Throws<ArgumentException>(() => Pain008Writer.Write(Batch(Debit("F-1", 5m)) with { Creditor = Creditor with { CreditorIdentifier = "FR12ZZZ123456" } }));
    }

    [Theory]
    [InlineData("<PmtMtd>DD</PmtMtd>", "<PmtMtd>TRF</PmtMtd>")]
    [InlineData("<SeqTp>FRST</SeqTp>", "<SeqTp>FIRST</SeqTp>")]
    [InlineData("<InstdAmt Ccy=\"EUR\">5.00</InstdAmt>", "<InstdAmt Ccy=\"EUR\">5,00</InstdAmt>")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:pain.008.001.02", "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08")]
    public void SchemaCheck_OfATamperedFile_ReportsIt(string original, string tampered)
    {
        // Guards the guard: the other tests trust that a file breaking the schema fails validation.
        var xml = Encoding.UTF8.GetString(Pain008Writer.Write(Batch(Debit("F-1", 5m))));
        Assert.Contains(original, xml);

        Assert.NotEmpty(SchemaErrors(Encoding.UTF8.GetBytes(xml.Replace(original, tampered, StringComparison.Ordinal))));
    }

    [Fact]
    public void Write_MandateIdValidOnlyOnceTrimmed_IsRefused()
    {
        // The file must carry the reference exactly as signed: a padded one is not silently trimmed.
        var batch = Batch(Debit("F-1", 5m) with { MandateId = " SP-000002-20260105-1" });

        var error = Assert.Throws<ArgumentException>(() => Pain008Writer.Write(batch));
        Assert.Contains("mandate id", error.Message);
    }

    [Fact]
    public void Write_MandateSignedOnTheCollectionDateItself_IsAccepted()
    {
        var tx = WriteAndValidate(Batch(Debit("F-1", 5m) with { MandateSignedOn = Monday }))
            .Descendants(Ns + "DrctDbtTxInf").Single();

        Assert.Equal("2026-01-19", Value(tx, "DtOfSgntr"));
    }

    [Fact]
    public void Write_MandateSignedTheDayAfterTheCollectionDate_IsRefusedSayingSo()
    {
        var batch = Batch(Debit("F-1", 5m) with { MandateSignedOn = Tuesday });

        var error = Assert.Throws<ArgumentException>(() => Pain008Writer.Write(batch));
        Assert.Contains("signed after the collection date", error.Message);
    }

    [Fact]
    public void Write_TheLargestAmountASepaDebitCarries_IsAccepted()
    {
        var tx = WriteAndValidate(Batch(Debit("F-1", 999_999_999.99m))).Descendants(Ns + "DrctDbtTxInf").Single();

        Assert.Equal("999999999.99", Value(tx, "InstdAmt"));
    }

    [Fact]
    public void Write_OneCentAboveTheLargestAmount_IsRefusedNamingTheRange()
    {
        var batch = Batch(Debit("F-1", 1_000_000_000.00m));

        var error = Assert.Throws<ArgumentException>(() => Pain008Writer.Write(batch));
        Assert.Contains("is not between 0.01 and 999999999.99 EUR in whole cents", error.Message);
    }

    [Fact]
    public void Write_PaymentBlockIds_AreTheMessageIdNumberedInFileOrder()
    {
        var document = WriteAndValidate(Batch(
            Debit("F-1", 1m) with { CollectionDate = Tuesday },
            Debit("F-2", 2m) with { SequenceType = SequenceType.Recurring },
            Debit("F-3", 3m)));

        var blocks = document.Descendants(Ns + "PmtInf")
            .Select(b => (Value(b, "PmtInfId"), Value(b, "ReqdColltnDt"), Value(b, "SeqTp")))
            .ToList();

        Assert.Equal(
            new[]
            {
                ("SP-DD-20260115-0001-1", "2026-01-19", "FRST"),
                ("SP-DD-20260115-0001-2", "2026-01-19", "RCUR"),
                ("SP-DD-20260115-0001-3", "2026-01-20", "FRST"),
            },
            blocks);
    }

    [Fact]
    public void Write_PaymentBlockIdOfAMessageIdThatLeavesRoom_KeepsItWhole()
    {
        var messageId = new string('M', 33);

        var ids = WriteAndValidate(Batch(Debit("F-1", 1m)) with { MessageId = messageId }).Descendants(Ns + "PmtInfId").Select(e => e.Value);

        Assert.Equal([messageId + "-1"], ids);
    }

    [Fact]
    public void Write_PaymentBlockIdOfALongMessageId_CutsItAndDropsATrailingSlashOrSpace()
    {
        // Cut to 33 characters, "M…M/" would end in a slash before the suffix; "M…M " in a space.
        var slash = WriteAndValidate(Batch(Debit("F-1", 1m)) with { MessageId = new string('M', 32) + "/XY" }).Descendants(Ns + "PmtInfId").Single();
        var space = WriteAndValidate(Batch(Debit("F-1", 1m)) with { MessageId = new string('M', 31) + " /XY" }).Descendants(Ns + "PmtInfId").Single();

        Assert.Equal(new string('M', 32) + "-1", slash.Value);
        Assert.Equal(new string('M', 31) + "-1", space.Value);
    }

    [Fact]
    public void Write_ACreditorWithoutBic_IsRefused()
    {
        var batch = Batch(Debit("F-1", 5m)) with { Creditor = Creditor with { Bic = " " } };

        var error = Assert.Throws<ArgumentException>(() => Pain008Writer.Write(batch));
        Assert.Contains("the creditor's BIC is required", error.Message);
    }

    [Fact]
    public void Write_BicsTypedWithSpacesAndLowerCase_AreNormalised()
    {
        var document = WriteAndValidate(Batch(Debit("F-1", 5m) with { DebtorBic = "pss tfr pp lil" }) with { Creditor = Creditor with { Bic = "bnpa frpp" } });

        Assert.Equal("PSSTFRPPLIL", Value(document.Descendants(Ns + "DbtrAgt").Single(), "BIC"));
        Assert.Equal("BNPAFRPP", Value(document.Descendants(Ns + "CdtrAgt").Single(), "BIC"));
    }

    [Fact]
    public void Write_NoBatch_IsABug()
    {
        Assert.Equal("batch", Assert.Throws<ArgumentNullException>(() => Pain008Writer.Write(null!)).ParamName);
    }

    [Fact]
    public void Write_InvalidBatches_SayWhatIsWrong()
    {
        static string Error(SepaDirectDebitBatch batch) => Assert.Throws<ArgumentException>(() => Pain008Writer.Write(batch)).Message;

        Assert.StartsWith("Invalid SEPA batch: the message id '' is empty.", Error(Batch(Debit("F-1", 5m)) with { MessageId = "" }));
        Assert.StartsWith("Invalid SEPA batch: a pain.008 file needs at least one debit.", Error(Batch()));
        Assert.StartsWith("Invalid SEPA batch: the creditor is missing.", Error(Batch(Debit("F-1", 5m)) with { Creditor = null! }));
        Assert.StartsWith(
            "Invalid SEPA batch: creditor identifier 'FR12ZZZ123456': Creditor identifier check digits are wrong",
            Error(Batch(Debit("F-1", 5m)) with { Creditor = Creditor with { CreditorIdentifier = "FR12ZZZ123456" } }));
        Assert.StartsWith("Invalid SEPA batch: the end-to-end id 'F_1' contains '_'", Error(Batch(Debit("F_1", 5m))));
        Assert.StartsWith("Invalid SEPA batch: debit 'F-1': unknown sequence type 9.", Error(Batch(Debit("F-1", 5m) with { SequenceType = (SequenceType)9 })));
        Assert.StartsWith(
            "Invalid SEPA batch: debit 'F-1' IBAN: IBAN check digits are wrong",
            Error(Batch(Debit("F-1", 5m) with { DebtorIban = "FR7630006000011234567890188" })));
        Assert.StartsWith("Invalid SEPA batch: debit 'F-1': 'NOT A BIC' is not a BIC.", Error(Batch(Debit("F-1", 5m) with { DebtorBic = "NOT A BIC" })));
    }

    [Fact]
    public void Write_Output_IsIndentedByTwoSpacesWithUnixLineEnds()
    {
        var xml = Encoding.UTF8.GetString(Pain008Writer.Write(Batch(Debit("F-1", 5m))));

        Assert.StartsWith(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\">\n  <CstmrDrctDbtInitn>\n    <GrpHdr>\n",
            xml);
        Assert.DoesNotContain("\r", xml);
        Assert.EndsWith("  </CstmrDrctDbtInitn>\n</Document>", xml);
    }

    private static SepaDirectDebitBatch Batch(params SepaDirectDebit[] debits) =>
        new("SP-DD-20260115-0001", new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), "SubscriptionPortal SAS", Creditor, debits);

    private static SepaDirectDebit Debit(string invoiceNumber, decimal amount) => new(
        EndToEndId: invoiceNumber,
        Amount: amount,
        CollectionDate: Monday,
        MandateId: "SP-000002-20260105-1",
        MandateSignedOn: new DateOnly(2026, 1, 5),
        SequenceType: SequenceType.First,
        DebtorName: "Chorale du Marais",
        DebtorIban: "FR1420041010050500013M02606",
        DebtorBic: "PSSTFRPPLIL",
        RemittanceInformation: $"Invoice {invoiceNumber}");

    private static string Value(XElement scope, string name) =>
        scope.Descendants(Ns + name).First().Value;

    /// <summary>Writes the batch and checks the bytes against the ISO 20022 schema before any assertion reads them.</summary>
    private static XDocument WriteAndValidate(SepaDirectDebitBatch batch)
    {
        var bytes = Pain008Writer.Write(batch);
        var errors = SchemaErrors(bytes);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors) + Environment.NewLine + Encoding.UTF8.GetString(bytes));
        return XDocument.Load(new MemoryStream(bytes));
    }

    private static List<string> SchemaErrors(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        // Warnings too: an element in an unexpected namespace is only a warning, and would go unchecked.
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");

        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XmlSchemaSet LoadSchema()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Unit", "Payments", "Sepa", "pain.008.001.02.xsd");
        var set = new XmlSchemaSet();
        set.Add(Pain008Writer.Namespace, path);
        set.Compile();
        return set;
    }
}

using System.Text;
using Pacta.Core.ForumDocuments;
using Pacta.Core.Forum;

namespace Pacta.Core.Tests.ForumDocuments;

public sealed class ForumDocumentReaderTests
{
    private const string Format = "\"format\": \"open-government-forum/1\"";

    private const string Forum = """
        "forum": {
          "name": { "es": "Foro", "en": "Forum" },
          "parties": [
            { "key": "executive", "name": { "es": "Ejecutivo", "en": null }, "decisionRule": "single-representative",
              "organizations": [ { "short": "SFP", "name": { "es": "Secretaría", "en": null } } ] },
            { "key": "civil-society", "name": { "es": "Sociedad civil", "en": null }, "decisionRule": "unanimity" }
          ]
        }
        """;

    private static (ForumDocument? Document, IReadOnlyList<DocumentError> Errors) Read(string json) =>
        ForumDocumentReader.Read("doc.json", Encoding.UTF8.GetBytes(json));

    /// <summary>The document's only error, as "path: problem".</summary>
    private static string Error(string json)
    {
        var (document, errors) = Read(json);
        Assert.Null(document);
        var error = Assert.Single(errors);
        Assert.Equal("doc.json", error.File);
        return $"{error.Path}: {error.Problem}";
    }

    private static string Plan(string commitments) => $$"""
        { {{Format}}, "plans": [ { "number": 98, "title": { "es": "Plan", "en": null }, "commitments": [ {{commitments}} ] } ] }
        """;

    [Theory]
    [InlineData("mx-forum.json", 3, 1, 13)]
    [InlineData("sample-plan.json", 0, 2, 3)]
    public void Read_RepositoryDocuments_HaveNoErrors(string file, int events, int plans, int commitments)
    {
        var (document, errors) = ForumDocumentReader.Read(file, File.ReadAllBytes(RepositoryFiles.Path("testdata", file)));

        Assert.Empty(errors);
        Assert.NotNull(document);
        Assert.Equal(events, document.ParticipationEvents.Count);
        Assert.Equal(plans, document.Plans.Count);
        Assert.Equal(commitments, document.Plans.Sum(p => p.Commitments.Count));
    }

    [Fact]
    public void Read_Forum_KeepsPartiesOrganisationsAndTheirPaths()
    {
        var (document, errors) = Read($$"""{ {{Format}}, {{Forum}} }""");

        Assert.Empty(errors);
        Assert.Equal(["executive", "civil-society"], document!.Forum!.Parties.Select(p => p.Key));
        Assert.Equal(DecisionRule.Unanimity, document.Forum.Parties[1].DecisionRule);
        var organization = Assert.Single(document.Organizations);
        Assert.Equal(("SFP", "executive", "forum.parties[0].organizations[0]"), (organization.ShortName, organization.PartyKey, organization.Path));
    }

    [Theory]
    [InlineData("bad/malformed-json.json", "plans[0].title", "line 4, column 73: malformed JSON: ")]
    [InlineData("bad/wrong-format.json", "format", "\"open-government-forum/2\" is not a format Pacta reads")]
    [InlineData("bad/duplicate-commitment-code.json", "plans[0].commitments[3].code", "duplicate commitment code \"BAD02\" (first at plans[0].commitments[1].code)")]
    [InlineData("bad/impossible-date.json", "participationEvents[0].date", "\"2021-02-30\" is not a date")]
    [InlineData("bad/duplicate-json-key.json", "plans[0].number", "duplicate field: \"number\"")]
    [InlineData("bad/wrong-type.json", "plans[0].number", "\"98\" is not a whole number from 1 to 999")]
    [InlineData("bad/unknown-field.json", "plans[0].commitments[0].budget", "unknown field \"budget\"")]
    public void Read_BadFixture_NamesPathAndProblem(string file, string path, string problem)
    {
        var (document, errors) = ForumDocumentReader.Read(file, File.ReadAllBytes(RepositoryFiles.Path("testdata", file)));

        Assert.Null(document);
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad/unknown-party-in-participation-event.json")]
    [InlineData("bad/unknown-lead-organization.json")]
    public void Read_FixtureWithDanglingReferenceToTheDatabase_IsLeftToTheImporter(string file)
    {
        var (document, errors) = ForumDocumentReader.Read(file, File.ReadAllBytes(RepositoryFiles.Path("testdata", file)));

        Assert.Empty(errors);
        Assert.NotNull(document);
    }

    [Fact]
    public void Read_MalformedJson_GivesLineColumnAndThePathReached()
    {
        var error = Error($$"""{ {{Format}}, "plans": [ { "number": 1, "commitments": [ { "code": "MX1" ] } ] }""");

        Assert.StartsWith("plans[0].commitments[0].code: line 1, column 99: malformed JSON: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TrailingComma_IsMalformed()
    {
        Assert.Contains("malformed JSON", Error($$"""{ {{Format}}, "plans": [], }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Comment_IsMalformed()
    {
        Assert.Contains("malformed JSON", Error($$"""{ {{Format}} /* note */ }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateFieldInANestedObject_NamesItsPath()
    {
        var error = Error($$"""{ {{Format}}, "plans": [ { "number": 1, "title": { "es": "a", "es": "b" } } ] }""");

        Assert.Equal("plans[0].title.es: duplicate field: \"es\" appears more than once in the same object", error);
    }

    [Fact]
    public void Read_DuplicateTopLevelField_NamesIt()
    {
        Assert.StartsWith("format: duplicate field", Error($$"""{ {{Format}}, {{Format}} }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooDeep_IsRefusedWithThePath()
    {
        var error = Error($$"""{ {{Format}}, "note": {{new string('[', 40)}}{{new string(']', 40)}} }""");

        Assert.Contains("malformed JSON: The maximum configured depth of 32 has been exceeded", error, StringComparison.Ordinal);
        Assert.StartsWith("note", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8_IsRefusedWithItsPosition()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{ {{Format}},{{"\n"}}"note": "caf?" }""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE9; // "é" in Latin-1, not UTF-8

        var (document, errors) = ForumDocumentReader.Read("doc.json", bytes);

        Assert.Null(document);
        Assert.Equal("line 2, column 13: the file is not valid UTF-8 (byte 0xE9)", Assert.Single(errors).Problem);
    }

    [Fact]
    public void Read_OverlongUtf8_IsRefused()
    {
        // 0xC0 0xAF is an overlong "/": decoders that accept it let filters be bypassed.
        byte[] bytes = [.. Encoding.UTF8.GetBytes($$"""{ {{Format}}, "note": "a"""), 0xC0, 0xAF, .. "\" }"u8];

        var (_, errors) = ForumDocumentReader.Read("doc.json", bytes);

        Assert.Contains("not valid UTF-8", Assert.Single(errors).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EscapedLoneSurrogate_IsRefusedWithItsPath()
    {
        var error = Error($$"""{ {{Format}}, "plans": [ { "number": 1, "title": { "es": "\ud800", "en": null } } ] }""");

        Assert.StartsWith("plans[0].title.es: line 1, column ", error, StringComparison.Ordinal);
        Assert.Contains("surrogate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ByteOrderMark_IsTolerated()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($$"""{ {{Format}} }""")];

        var (document, errors) = ForumDocumentReader.Read("doc.json", bytes);

        Assert.Empty(errors);
        Assert.NotNull(document);
    }

    [Fact]
    public void Read_EscapedControlCharacter_IsRefused()
    {
        Assert.Equal("note: contains a control character", Error($$"""{ {{Format}}, "note": "a\u0007b" }"""));
    }

    [Fact]
    public void Read_RawControlCharacterInString_IsMalformed()
    {
        Assert.Contains("malformed JSON", Error($"{{ {Format}, \"note\": \"a\u0001b\" }}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewlinesAndTabs_AreText()
    {
        var (document, errors) = Read($$"""{ {{Format}}, "note": "line one\nline\ttwo\r\n" }""");

        Assert.Empty(errors);
        Assert.Equal("line one\nline\ttwo\r\n", document!.Note);
    }

    [Fact]
    public void Read_LargerThanTheLimit_IsRefusedBeforeParsing()
    {
        var bytes = new byte[ForumDocumentReader.MaxBytes + 1];

        var (document, errors) = ForumDocumentReader.Read("big.json", bytes);

        Assert.Null(document);
        var error = Assert.Single(errors);
        Assert.Equal("", error.Path);
        Assert.Equal("the file is 16,777,217 bytes; the limit is 16,777,216", error.Problem);
        Assert.Equal("big.json: the file is 16,777,217 bytes; the limit is 16,777,216", error.ToString());
    }

    [Fact]
    public void CheckSize_AtTheLimit_IsFine()
    {
        Assert.Null(ForumDocumentReader.CheckSize("f.json", ForumDocumentReader.MaxBytes));
        Assert.NotNull(ForumDocumentReader.CheckSize("f.json", ForumDocumentReader.MaxBytes + 1L));
    }

    [Fact]
    public void Read_NotAnObject_IsRefused()
    {
        Assert.Equal(": expected an object, found an array", Error("[]"));
    }

    [Fact]
    public void Read_MissingFormat_IsRequired()
    {
        Assert.Equal("format: is required", Error("""{ "plans": [] }"""));
    }

    [Fact]
    public void Read_WrongFormat_StopsAtTheFormat()
    {
        var error = Error("""{ "format": "open-government-forum/2", "plans": [ { "weird": true } ] }""");

        Assert.Equal("format: \"open-government-forum/2\" is not a format Pacta reads; expected \"open-government-forum/1\"", error);
    }

    [Fact]
    public void Read_UnknownFieldWithAnOddName_QuotesItInThePath()
    {
        Assert.StartsWith("[\"the plans\"]: unknown field \"the plans\"", Error($$"""{ {{Format}}, "the plans": [] }"""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"number\": 1.5, \"title\": { \"es\": \"Plan\" }", "plans[0].number: 1.5 is not a whole number from 1 to 999")]
    [InlineData("\"number\": 1000, \"title\": { \"es\": \"Plan\" }", "plans[0].number: 1000 is not a whole number from 1 to 999")]
    [InlineData("\"number\": 1, \"title\": \"Plan\"", "plans[0].title: expected an object, found a string")]
    [InlineData("\"number\": 1, \"title\": { \"es\": null, \"en\": null }", "plans[0].title: needs at least one of \"es\" and \"en\"")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"\" }", "plans[0].title.es: must not be empty (use null when it is not known)")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"   \" }", "plans[0].title.es: must not be empty (use null when it is not known)")]
    [InlineData("\"number\": 1, \"title\": { \"fr\": \"Plan\" }", "plans[0].title.fr: unknown field \"fr\"; expected one of es, en")]
    [InlineData("\"number\": 1", "plans[0].title: is required (an object with \"es\" and \"en\", either may be null)")]
    [InlineData("\"title\": { \"es\": \"Plan\" }", "plans[0].number: is required")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"Plan\" }, \"fictional\": \"yes\"", "plans[0].fictional: \"yes\" is not true or false")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"Plan\" }, \"state\": \"draft\"", "plans[0].state: \"draft\" is not allowed; expected one of co-creation, implementation, closed")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"Plan\" }, \"commitments\": {}", "plans[0].commitments: expected an array, found an object")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"Plan\" }, \"period\": { \"from\": \"2021\", \"to\": \"2019\" }", "plans[0].period.to: 2019 is before from 2021")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"Plan\" }, \"period\": { \"from\": \"2019\", \"to\": \"2021\", \"extendedTo\": \"2020\" }", "plans[0].period.extendedTo: 2020 is before to 2021: an extension ends later")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"Plan\" }, \"cocreation\": { \"consultation\": { \"from\": \"2019-06\", \"to\": \"2019-05-31\" } }", "plans[0].cocreation.consultation.to: 2019-05-31 is before from 2019-06")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"Plan\" }, \"irm\": { \"earlyResults\": { \"major\": -1 } }", "plans[0].irm.earlyResults.major: -1 is not a whole number from 0 to 10000")]
    [InlineData("\"number\": 1, \"title\": { \"es\": \"Plan\" }, \"source\": 7", "plans[0].source: expected a string, found a number")]
    public void Read_BadPlanField_NamesPathAndProblem(string fields, string expected)
    {
        Assert.Equal(expected, Error($$"""{ {{Format}}, "plans": [ { {{fields}} } ] }"""));
    }

    [Theory]
    [InlineData("\"code\": \"mx0081\"", "plans[0].commitments[0].code: \"mx0081\" is not a commitment code: use capital letters, digits and '-' (like MX0081)")]
    [InlineData("\"code\": \"MX1\", \"ogpValues\": [\"transparency\"]", "plans[0].commitments[0].ogpValues[0]: \"transparency\" is not an OGP value; expected one of access-to-information, civic-participation, public-accountability, technology-and-innovation")]
    [InlineData("\"code\": \"MX1\", \"ogpValues\": [\"civic-participation\", \"civic-participation\"]", "plans[0].commitments[0].ogpValues[1]: \"civic-participation\" is listed twice")]
    [InlineData("\"code\": \"MX1\", \"supporting\": [\"SFP\", \"SFP\"]", "plans[0].commitments[0].supporting[1]: \"SFP\" is listed twice")]
    [InlineData("\"code\": \"MX1\", \"supporting\": [null]", "plans[0].commitments[0].supporting[0]: expected a string, found null")]
    [InlineData("\"code\": \"MX1\", \"start\": \"2021-02-30\"", "plans[0].commitments[0].start: \"2021-02-30\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD with a real month and day")]
    [InlineData("\"code\": \"MX1\", \"shortTermDeadline\": 2021", "plans[0].commitments[0].shortTermDeadline: 2021 is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD with a real month and day")]
    [InlineData("\"code\": \"MX1\", \"milestones\": [ { \"title\": { \"es\": \"H\" }, \"weight\": 0 } ]", "plans[0].commitments[0].milestones[0].weight: 0 is not a weight: it must be a positive number (at most 10000)")]
    [InlineData("\"code\": \"MX1\", \"milestones\": [ { \"title\": { \"es\": \"H\" }, \"responsible\": \"\" } ]", "plans[0].commitments[0].milestones[0].responsible: must not be empty (use null when it is not known)")]
    public void Read_BadCommitmentField_NamesPathAndProblem(string fields, string expected)
    {
        Assert.Equal(expected, Error(Plan($$"""{ {{fields}}, "title": { "es": "C" } }""")));
    }

    [Fact]
    public void Read_SameCommitmentCodeInTwoPlans_IsADuplicate()
    {
        var error = Error($$"""
            { {{Format}}, "plans": [
              { "number": 1, "title": { "es": "Uno" }, "commitments": [ { "code": "MX1", "title": { "es": "C" } } ] },
              { "number": 2, "title": { "es": "Dos" }, "commitments": [ { "code": "MX1", "title": { "es": "C" } } ] } ] }
            """);

        Assert.Equal("plans[1].commitments[0].code: duplicate commitment code \"MX1\" (first at plans[0].commitments[0].code)", error);
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2017-05")]
    [InlineData("2021-08-31")]
    public void Read_DateOfAnyPrecision_IsKept(string date)
    {
        var (document, errors) = Read($$"""{ {{Format}}, "participationEvents": [ { "date": "{{date}}", "party": "civil-society", "status": "active" } ] }""");

        Assert.Empty(errors);
        Assert.Equal(date, document!.ParticipationEvents[0].Date.ToString());
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("2019-13")]
    [InlineData("19-01-01")]
    [InlineData("yesterday")]
    public void Read_NotADate_IsRefused(string date)
    {
        var error = Error($$"""{ {{Format}}, "participationEvents": [ { "date": "{{date}}", "party": "civil-society", "status": "active" } ] }""");

        Assert.Equal($"participationEvents[0].date: \"{date}\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD with a real month and day", error);
    }

    [Theory]
    [InlineData("\"party\": \"Civil Society\", \"status\": \"active\"", "participationEvents[0].party: \"Civil Society\" is not a key: use lower-case letters, digits and '-'")]
    [InlineData("\"party\": \"civil-society\", \"status\": \"paused\"", "participationEvents[0].status: \"paused\" is not allowed; expected one of active, suspended, withdrawn")]
    [InlineData("\"party\": \"civil-society\", \"status\": \"active\", \"grounds\": [\"Spying\"]", "participationEvents[0].grounds[0]: \"Spying\" is not a key: use lower-case letters, digits and '-'")]
    [InlineData("\"status\": \"active\"", "participationEvents[0].party: is required")]
    public void Read_BadParticipationEvent_NamesPathAndProblem(string fields, string expected)
    {
        Assert.Equal(expected, Error($$"""{ {{Format}}, "participationEvents": [ { "date": "2022-10-25", {{fields}} } ] }"""));
    }

    [Fact]
    public void Read_PartyThatIsNotAnObject_IsOneErrorNotOnePerMissingField()
    {
        var error = Error($$"""{ {{Format}}, "forum": { "name": { "es": "Foro" }, "parties": [ "executive", { "key": "b", "name": { "es": "B" }, "decisionRule": "majority" } ] } }""");

        Assert.Equal("forum.parties[0]: expected an object, found a string", error);
    }

    [Fact]
    public void Read_ForumWithOneParty_IsRefused()
    {
        var error = Error($$"""{ {{Format}}, "forum": { "name": { "es": "Foro" }, "parties": [ { "key": "a", "name": { "es": "A" }, "decisionRule": "majority" } ] } }""");

        Assert.Equal("forum.parties: a forum has 2 to 5 parties; this one has 1", error);
    }

    [Fact]
    public void Read_DuplicatePartyKeyAndOrganisation_AreBothNamed()
    {
        var (_, errors) = Read($$"""
            { {{Format}}, "forum": { "name": { "es": "Foro" }, "parties": [
              { "key": "a", "name": { "es": "A" }, "decisionRule": "majority", "organizations": [ { "short": "X", "name": { "es": "X" } } ] },
              { "key": "a", "name": { "es": "A" }, "decisionRule": "majority" } ] },
              "organizations": [ { "party": "a", "short": "X", "name": { "es": "X otra" } } ] }
            """);

        Assert.Equal(
            ["forum.parties[1].key: duplicate party key \"a\" (first at forum.parties[0].key)",
             "organizations[0].short: duplicate organisation \"X\" (first at forum.parties[0].organizations[0].short)"],
            errors.Select(e => $"{e.Path}: {e.Problem}"));
    }

    [Fact]
    public void Read_NullField_MeansNotRecorded()
    {
        var (document, errors) = Read($$"""{ {{Format}}, "note": null, "member": null, "forum": null, "plans": [ { "number": 1, "title": { "es": "P" }, "period": null, "state": null, "commitments": null } ] }""");

        Assert.Empty(errors);
        Assert.Null(document!.Note);
        Assert.Null(document.Member);
        Assert.Null(document.Plans[0].State);
        Assert.Empty(document.Plans[0].Commitments);
    }

    [Fact]
    public void Read_ManyErrors_AreAllReported()
    {
        var (_, errors) = Read($$"""{ {{Format}}, "plans": [ { "number": 0, "title": { "es": "" }, "extra": 1 } ] }""");

        Assert.Equal(["plans[0].extra", "plans[0].number", "plans[0].title.es"], errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }
}

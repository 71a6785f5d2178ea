using System.Net;
using System.Text;
using Pacta.Core.Verification.Replay;
using static Pacta.Core.Tests.Verification.Replay.ReplayEvents;

namespace Pacta.Core.Tests.Verification.Replay;

/// <summary>The comparison against a portal that answers from a table of paths: values, derived fields and a portal that cannot be read.</summary>
public sealed class PortalComparisonTests
{
    private sealed class Portal(Dictionary<string, string> answers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var response = answers.TryGetValue(path, out var body)
                ? new HttpResponseMessage(body == "500" ? HttpStatusCode.InternalServerError : HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
            return Task.FromResult(response);
        }
    }

    private static PublicState State(params Pacta.Core.RecordStore.RecordEvent[] more)
    {
        var replay = new PublicStateReplay();
        foreach (var e in new[] { Party("p"), Organization("A", "p"), Plan(1), Commitment("C1", 1, "A", [], ["A"]) }.Concat(more))
            replay.Apply(replay.Count, Encode(e));
        Assert.Empty(replay.Problems);
        return replay.State;
    }

    /// <summary>What a portal showing exactly <see cref="State"/> answers; <paramref name="weight"/> as the API writes a decimal column.</summary>
    private static Dictionary<string, string> Answers(string weight = "33.3333", string status = "null") => new()
    {
        ["/api/v1/parties"] = $$"""[{"key":"p","name":{"es":"Parte","en":null},"decisionRule":"unanimity","participationStatus":{{status}},"organizationCount":1}]""",
        ["/api/v1/parties/p"] = """{"key":"p","participationHistory":[]}""",
        ["/api/v1/organizations"] = """[{"shortName":"A","name":{"es":"Organizaci\u00f3n","en":null},"party":"p","fictional":false}]""",
        ["/api/v1/plans"] = """[{"number":1,"commitmentCount":1}]""",
        ["/api/v1/plans/1"] = """
            {"number":1,"title":{"es":"Plan","en":null},"period":{"from":"2025","to":"2026","extendedTo":null},"state":null,"fictional":true,
             "coCreation":{"consultationFrom":null,"consultationTo":null,"onlineParticipants":null,"inPersonParticipants":40},
             "irm":{"relevantToOgpValues":null,"transformative":null,"earlyResults":{"marginal":null,"major":null,"outstanding":null,"noEvidence":null}},
             "source":null,"commitments":[{"code":"C1"}]}
            """,
        ["/api/v1/commitments"] = """[{"code":"C1"}]""",
        ["/api/v1/commitments/C1"] = $$"""
            {"code":"C1","plan":1,"title":{"es":"Título","en":"Title"},"policyArea":"Open Contracting","problem":{"es":"Problema","en":null},
             "statusQuo":{"es":"Situación","en":null},"objective":{"es":"Objetivo","en":null},"ogpValues":["access-to-information"],
             "leadInstitution":"A","supportingInstitutions":[],"startDate":"2025-02-01","endDate":"2026-12","shortTermDeadline":null,
             "verifiable":true,"provenance":"imported-from-public-sources","fictional":true,
             "milestones":[{"number":1,"title":{"es":"Hito 1","en":null},"responsibleInstitution":"A","startDate":"2025","endDate":null,"weight":{{weight}}}]}
            """,
    };

    private static async Task<IReadOnlyList<Difference>> CompareAsync(Dictionary<string, string> answers, PublicState? state = null)
    {
        using var client = new HttpClient(new Portal(answers)) { BaseAddress = new Uri("https://portal.example/") };
        return await PortalComparison.CompareAsync(client, state ?? State());
    }

    [Fact]
    public async Task CompareAsync_PortalShowingTheRecord_HasNoDifference()
    {
        Assert.Empty(await CompareAsync(Answers()));
    }

    [Fact]
    public async Task CompareAsync_WeightWithTheDecimalScale_IsTheSameNumber()
    {
        Assert.Empty(await CompareAsync(Answers(weight: "33.33330")));
    }

    [Fact]
    public async Task CompareAsync_AnotherNumber_IsNamedWithBothValues()
    {
        var difference = Assert.Single(await CompareAsync(Answers(weight: "33.3334")));

        Assert.Equal("commitment/C1: milestones[0].weight: the record says 33.3333 (entry 3), the portal shows 33.3334", difference.ToString());
    }

    [Fact]
    public async Task CompareAsync_StatusWithNoChangeRecorded_IsNamed()
    {
        var difference = Assert.Single(await CompareAsync(Answers(status: "\"withdrawn\"")));

        Assert.Equal(("party/p", "participationStatus", "null", "\"withdrawn\""), (difference.Subject, difference.Field, difference.Record, difference.Portal));
    }

    [Fact]
    public async Task CompareAsync_NoForumInTheRecordOrThePortal_IsNoDifference()
    {
        // The table has no /api/v1/forum: the portal answers 404, as it does before a forum is loaded.
        Assert.DoesNotContain(await CompareAsync(Answers()), d => d.Subject == "forum");
    }

    [Fact]
    public async Task CompareAsync_OrganizationsOfEqualPosition_MayBeListedInEitherOrder()
    {
        var differences = await CompareAsync(AnswersListingBThenA(), State(Organization("B", "p")));

        Assert.Empty(differences);
    }

    [Fact]
    public async Task CompareAsync_OrganizationListedBeforeOneOfALowerPosition_BothAreNamed()
    {
        var b = Organization("B", "p");
        b.Data["position"] = 1;

        var differences = await CompareAsync(AnswersListingBThenA(), State(b));

        Assert.Equal(
            ["organization/B: position: the record says 1, so #2 among p's organisations in /api/v1/organizations (entry 4), the portal shows #1 among p's organisations in /api/v1/organizations",
             "organization/A: position: the record says 0, so #1 among p's organisations in /api/v1/organizations (entry 1), the portal shows #2 among p's organisations in /api/v1/organizations"],
            differences.Select(d => d.ToString()));
    }

    private static Dictionary<string, string> AnswersListingBThenA()
    {
        var answers = Answers();
        answers["/api/v1/organizations"] = """
            [{"shortName":"B","name":{"es":"Organización","en":null},"party":"p","fictional":false},
             {"shortName":"A","name":{"es":"Organización","en":null},"party":"p","fictional":false}]
            """;
        answers["/api/v1/parties"] = answers["/api/v1/parties"].Replace("\"organizationCount\":1", "\"organizationCount\":2", StringComparison.Ordinal);
        return answers;
    }

    [Fact]
    public async Task CompareAsync_PortalError_IsAReadErrorNamingThePath()
    {
        var answers = Answers();
        answers["/api/v1/organizations"] = "500";

        var error = await Assert.ThrowsAsync<PortalReadException>(() => CompareAsync(answers));

        Assert.Equal("GET api/v1/organizations: the portal answered 500 Internal Server Error", error.Message);
    }

    [Fact]
    public async Task CompareAsync_AnswerNotInTheApiShape_IsAReadError()
    {
        var answers = Answers();
        answers["/api/v1/organizations"] = """[{"name":"A"}]""";

        var error = await Assert.ThrowsAsync<PortalReadException>(() => CompareAsync(answers));

        Assert.StartsWith("The portal's open data are not in the API's shapes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shorten_LongValue_IsCutWithAnEllipsisNeverInsideASurrogatePair()
    {
        var text = new string('a', 78) + "😀" + new string('b', 10);

        var shortened = Difference.Shorten(text);

        Assert.Equal(new string('a', 78) + "…", shortened);
        Assert.Equal("short", Difference.Shorten("short"));
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Core.Record;
using Pacta.Core.Verification.Replay;
using static Pacta.Core.Tests.Verification.Replay.ReplayEvents;

namespace Pacta.Core.Tests.Verification.Replay;

/// <summary>Replaying events into the public state, and every kind of entry that cannot be replayed, named by its index.</summary>
public sealed class PublicStateReplayTests
{
    private static readonly byte[][] Base =
    [
        Encode(ForumEvent()),
        Encode(Party("civil-society")),
        Encode(Organization("SEJ", "civil-society")),
        Encode(Organization("AGE", "civil-society")),
        Encode(Participation("civil-society")),
        Encode(Plan(99)),
        Encode(Commitment("DEMO01", 99, "SEJ", ["AGE"], ["AGE", null])),
    ];

    /// <summary>The base events (indexes 0 to 6), then <paramref name="more"/> from index 7.</summary>
    private static PublicStateReplay Replay(params byte[][] more)
    {
        var replay = new PublicStateReplay();
        foreach (var entry in Base.Concat(more)) replay.Apply(replay.Count, entry);
        return replay;
    }

    private static ReplayProblem OneProblem(PublicStateReplay replay) => Assert.Single(replay.Problems);

    [Fact]
    public void Apply_SoundEvents_SetEveryEntityByItsSubject()
    {
        var replay = Replay();

        Assert.Empty(replay.Problems);
        Assert.Equal(7, replay.Count);
        Assert.Equal(
            ["commitment/DEMO01", "forum", "organization/AGE", "organization/SEJ", "participation/civil-society/2017-05/withdrawn", "party/civil-society", "plan/99"],
            replay.State.Entities.Keys.Order(StringComparer.Ordinal));
        var commitment = replay.State.Entities["commitment/DEMO01"];
        Assert.Equal((EntityKind.Commitment, 6L), (commitment.Kind, commitment.Index));
        // The state is the event's data, exactly as the entry holds it.
        using var entry = JsonDocument.Parse(Base[6]);
        Assert.Equal(entry.RootElement.GetProperty("data").GetRawText(), Encoding.UTF8.GetString(commitment.Data.Span));
    }

    [Fact]
    public void Apply_LaterEventAboutTheSameSubject_ReplacesItsState()
    {
        var replay = Replay(Encode(Organization("AGE", "civil-society", name: "Agencia renombrada")), Encode(Party("gov")));

        Assert.Empty(replay.Problems);
        var organization = replay.State.Entities["organization/AGE"];
        Assert.Equal(7, organization.Index);
        using var data = JsonDocument.Parse(organization.Data);
        Assert.Equal("Agencia renombrada", data.RootElement.GetProperty("name").GetProperty("es").GetString());
        Assert.Equal(8, replay.State.Entities.Count);
    }

    [Fact]
    public void Apply_ShorterStateAfterLongerOne_KeepsOnlyTheNewBytes()
    {
        var replay = Replay(Encode(Commitment("DEMO01", 99, null, [], [])));

        using var data = JsonDocument.Parse(replay.State.Entities["commitment/DEMO01"].Data);
        Assert.Equal(0, data.RootElement.GetProperty("milestones").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, data.RootElement.GetProperty("leadInstitution").ValueKind);
    }

    [Fact]
    public void Apply_OutOfOrder_Throws()
    {
        var replay = new PublicStateReplay();

        Assert.Throws<ArgumentOutOfRangeException>(() => replay.Apply(1, Base[0]));
    }

    [Fact]
    public void Apply_NotJson_NamesTheEntry()
    {
        var replay = Replay("{\"type\":"u8.ToArray());

        var problem = OneProblem(replay);
        Assert.Equal(7, problem.Index);
        Assert.StartsWith("is not JSON", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("entry 7: is not JSON", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NotCanonical_NamesTheEntryAndReplaysItsCanonicalForm()
    {
        var replay = Replay(Edited(Organization("AGE", "civil-society", name: "Otra"), t => t.Replace("\"data\":{", "\"data\": {", StringComparison.Ordinal)));

        var problem = OneProblem(replay);
        Assert.Equal(7, problem.Index);
        Assert.StartsWith("is not canonical JSON (RFC 8785): it differs from its canonical form from byte ", problem.Message, StringComparison.Ordinal);
        Assert.Equal(7, replay.State.Entities["organization/AGE"].Index);
    }

    [Fact]
    public void Apply_DuplicateMember_HasNoCanonicalFormAndSetsNothing()
    {
        var replay = Replay(Edited(Organization("AGE", "civil-society", name: "Otra"), t => t.Replace("\"fictional\":false", "\"fictional\":false,\"fictional\":true", StringComparison.Ordinal)));

        var problem = OneProblem(replay);
        Assert.Equal(7, problem.Index);
        Assert.Contains("has no canonical form", problem.Message, StringComparison.Ordinal);
        Assert.Contains("duplicate member name", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, replay.State.Entities["organization/AGE"].Index);
    }

    [Fact]
    public void Apply_NotAnObject_NamesTheEntry()
    {
        var problem = OneProblem(Replay("[1,2]"u8.ToArray()));

        Assert.Equal((7L, "is not an event: a JSON object is expected"), (problem.Index, problem.Message));
    }

    [Fact]
    public void Apply_MissingTopLevelMember_NamesIt()
    {
        var problem = OneProblem(Replay(Edited(Party("gov"), t => t.Replace(",\"time\":\"2026-11-25T01:05:55Z\"", "", StringComparison.Ordinal))));

        Assert.Equal((7L, "has no \"time\" member"), (problem.Index, problem.Message));
    }

    [Fact]
    public void Apply_UnknownTopLevelMember_NamesIt()
    {
        var problem = OneProblem(Replay(Edited(Party("gov"), t => t.Replace("\"subject\":", "\"signature\":\"x\",\"subject\":", StringComparison.Ordinal))));

        Assert.Equal((7L, "has a member \"signature\" that no event has"), (problem.Index, problem.Message));
    }

    [Fact]
    public void Apply_UnknownType_NamesIt()
    {
        var problem = OneProblem(Replay(Encode(Event("approval.given", "party/civil-society", new JsonObject()))));

        Assert.Equal((7L, "has an unknown event type \"approval.given\""), (problem.Index, problem.Message));
    }

    [Fact]
    public void Apply_TimeNotRfc3339Utc_NamesIt()
    {
        var problem = OneProblem(Replay(Edited(Party("gov"), t => t.Replace("2026-11-25T01:05:55Z", "2026-11-25T01:05:55+01:00", StringComparison.Ordinal))));

        Assert.Equal((7L, "time \"2026-11-25T01:05:55+01:00\" is not a UTC time in RFC 3339 ending in Z"), (problem.Index, problem.Message));
    }

    [Fact]
    public void Apply_DataMissingAMember_NamesItsPathAndSetsNothing()
    {
        var commitment = Commitment("DEMO02", 99, "SEJ", [], ["AGE"]);
        ((JsonObject)commitment.Data["milestones"]![0]!).Remove("weight");
        commitment.Data.Remove("title");

        var replay = Replay(Encode(commitment));

        // In the order of the entry's members.
        Assert.Equal(
            [(7L, "data.milestones[0].weight is missing (a commitment.imported event carries it, null when unknown)"),
             (7L, "data.title is missing (a commitment.imported event carries it, null when unknown)")],
            replay.Problems.Select(p => (p.Index, p.Message)));
        Assert.False(replay.State.Entities.ContainsKey("commitment/DEMO02"));
    }

    [Fact]
    public void Apply_DataMemberOfTheWrongKind_NamesItsPath()
    {
        var plan = Plan(100);
        plan.Data["number"] = "100";
        plan.Data["coCreation"]!["inPersonParticipants"] = 40.5;

        var replay = Replay(Encode(plan));

        Assert.Equal(
            ["data.coCreation.inPersonParticipants must be a whole number or null, not the number 40.5 (in a plan.imported event)",
             "data.number must be a whole number, not a string (in a plan.imported event)"],
            replay.Problems.Select(p => p.Message).Order(StringComparer.Ordinal));
        Assert.All(replay.Problems, p => Assert.Equal(7, p.Index));
    }

    [Fact]
    public void Apply_DataWithAnUnknownMember_NamesIt()
    {
        var party = Party("gov");
        party.Data["secret"] = "x";

        var problem = OneProblem(Replay(Encode(party)));

        Assert.Equal((7L, "data.secret is not a member of a party.imported event"), (problem.Index, problem.Message));
    }

    [Fact]
    public void Apply_SubjectNotTheOneItsDataMake_NamesBothAndSetsNothing()
    {
        var commitment = Commitment("DEMO02", 99, "SEJ", [], []);
        var replay = Replay(Encode(commitment with { Subject = "commitment/DEMO01" }));

        var problem = OneProblem(replay);
        Assert.Equal((7L, "its subject \"commitment/DEMO01\" is not the one its data make, \"commitment/DEMO02\""), (problem.Index, problem.Message));
        Assert.Equal(6, replay.State.Entities["commitment/DEMO01"].Index);
    }

    [Fact]
    public void Apply_SubjectOfAnotherKind_IsNotTheOneItsDataMake()
    {
        var problem = OneProblem(Replay(Encode(Party("gov") with { Subject = "organization/gov" })));

        Assert.Equal((7L, "its subject \"organization/gov\" is not the one its data make, \"party/gov\""), (problem.Index, problem.Message));
    }

    [Fact]
    public void Apply_CommitmentOfAPlanNoEntryCreated_NamesThePlan()
    {
        var replay = Replay(Encode(Commitment("DEMO02", 7, "SEJ", [], [])));

        var problem = OneProblem(replay);
        Assert.Equal((7L, "data.plan names plan/7, which no earlier entry created"), (problem.Index, problem.Message));
        // The state is still what the entry says, for the comparison with the portal.
        Assert.Equal(7, replay.State.Entities["commitment/DEMO02"].Index);
    }

    [Fact]
    public void Apply_InstitutionsNoEntryCreated_NameEachPlace()
    {
        var replay = Replay(Encode(Commitment("DEMO02", 99, "SFP", ["AGE", "INAI"], [null, "SFP"])));

        Assert.Equal(
            ["data.leadInstitution names organization/SFP, which no earlier entry created",
             "data.milestones[1].responsibleInstitution names organization/SFP, which no earlier entry created",
             "data.supportingInstitutions[1] names organization/INAI, which no earlier entry created"],
            replay.Problems.Select(p => p.Message));
        Assert.All(replay.Problems, p => Assert.Equal(7, p.Index));
    }

    [Fact]
    public void Apply_InstitutionCreatedOnlyLater_IsStillAProblem()
    {
        var replay = new PublicStateReplay();
        byte[][] entries = [Encode(Party("p")), Encode(Plan(1)), Encode(Commitment("C1", 1, "LATE", [], [])), Encode(Organization("LATE", "p"))];
        foreach (var entry in entries) replay.Apply(replay.Count, entry);

        var problem = OneProblem(replay);
        Assert.Equal((2L, "data.leadInstitution names organization/LATE, which no earlier entry created"), (problem.Index, problem.Message));
    }

    [Fact]
    public void Apply_OrganizationAndParticipationOfAPartyNoEntryCreated_NameTheParty()
    {
        var replay = Replay(Encode(Organization("X", "government")), Encode(Participation("government")));

        Assert.Equal(
            [(7L, "data.party names party/government, which no earlier entry created"), (8L, "data.party names party/government, which no earlier entry created")],
            replay.Problems.Select(p => (p.Index, p.Message)));
    }

    [Fact]
    public void Apply_SubjectWithEscapedCharacters_IsMatchedAndKept()
    {
        var replay = Replay(Encode(Organization("A \"B\"\u0001", "civil-society")), Encode(Commitment("DEMO03", 99, "A \"B\"\u0001", [], [])));

        Assert.Empty(replay.Problems);
        Assert.True(replay.State.Entities.ContainsKey("organization/A \"B\"\u0001"));
    }

    [Fact]
    public void Apply_ManyEntriesAboutKnownSubjects_AllocatesAlmostNothing()
    {
        // A sanity check of the replay's design, not a timing: re-applying known subjects reuses every buffer.
        var replay = Replay();
        var entries = Enumerable.Range(0, 10).Select(i => Encode(Commitment("DEMO01", 99, "SEJ", ["AGE"], ["AGE", "SEJ", null], title: $"Título {i}"))).ToArray();
        for (var i = 0; i < 1000; i++) replay.Apply(replay.Count, entries[i % entries.Length]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) replay.Apply(replay.Count, entries[i % entries.Length]);
        var perEntry = (GC.GetAllocatedBytesForCurrentThread() - before) / 10_000.0;

        Assert.Empty(replay.Problems);
        Assert.True(perEntry < 16, $"{perEntry} bytes allocated per entry");
    }

    [Fact]
    public void Apply_EventsOfARealImport_AreCanonicalForTheCheck()
    {
        // The fast path must accept what the record's own encoder writes, or every entry would take the slow one.
        foreach (var entry in Base)
            Assert.True(new CanonicalCheck().IsCanonical(entry, new EventLayout()), Encoding.UTF8.GetString(entry));
        Assert.All(Base, entry => Assert.Equal(entry, CanonicalJson.Canonicalize(entry)));
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Tests.Verification.Replay;

/// <summary>Events as the import writes them (every member of their data), encoded by <see cref="RecordEvent"/>.</summary>
internal static class ReplayEvents
{
    public static readonly DateTimeOffset Time = new(2026, 11, 25, 1, 5, 55, TimeSpan.Zero);

    public static byte[] Encode(RecordEvent e) => e.Encode(Time);

    public static JsonObject Text(string es, string? en = null) => new() { ["es"] = es, ["en"] = en };

    public static RecordEvent Event(string type, string subject, JsonObject data) => new(type, RecordEvent.OperatorImport(), subject, data);

    public static RecordEvent ForumEvent() => Event("forum.imported", "forum", new JsonObject
    {
        ["name"] = Text("Foro"),
        ["formerName"] = Text("Antes"),
        ["member"] = new JsonObject { ["name"] = Text("México", "Mexico"), ["kind"] = "national", ["ogpMemberSince"] = 2011, ["foundingMember"] = true },
        ["source"] = null,
    });

    public static RecordEvent Party(string key, string name = "Parte", string decisionRule = "unanimity") => Event("party.imported", $"party/{key}", new JsonObject
    {
        ["key"] = key,
        ["name"] = Text(name),
        ["decisionRule"] = decisionRule,
        ["position"] = 0,
    });

    public static RecordEvent Organization(string shortName, string party, string name = "Organización") =>
        Event("organization.imported", $"organization/{shortName}", new JsonObject
        {
            ["shortName"] = shortName,
            ["name"] = Text(name),
            ["party"] = party,
            ["fictional"] = false,
            ["position"] = 0,
        });

    public static RecordEvent Participation(string party) => Event("participation.changed", $"participation/{party}/2017-05/withdrawn", new JsonObject
    {
        ["party"] = party,
        ["date"] = "2017-05",
        ["status"] = "withdrawn",
        ["grounds"] = new JsonArray("surveillance-of-participants"),
        ["source"] = "statement.txt",
    });

    public static RecordEvent Plan(int number) => Event("plan.imported", $"plan/{number}", new JsonObject
    {
        ["number"] = number,
        ["title"] = Text("Plan"),
        ["period"] = new JsonObject { ["from"] = "2025", ["to"] = "2026", ["extendedTo"] = null },
        ["state"] = null,
        ["fictional"] = true,
        ["coCreation"] = new JsonObject { ["consultationFrom"] = null, ["consultationTo"] = null, ["onlineParticipants"] = null, ["inPersonParticipants"] = 40 },
        ["irm"] = new JsonObject
        {
            ["relevantToOgpValues"] = null,
            ["transformative"] = null,
            ["earlyResults"] = new JsonObject { ["marginal"] = null, ["major"] = null, ["outstanding"] = null, ["noEvidence"] = null },
        },
        ["source"] = null,
    });

    public static RecordEvent Commitment(string code, int plan, string? lead, string[] supporting, string?[] responsible, string title = "Título") =>
        Event("commitment.imported", $"commitment/{code}", new JsonObject
        {
            ["code"] = code,
            ["plan"] = plan,
            ["position"] = 0,
            ["title"] = Text(title, "Title"),
            ["policyArea"] = "Open Contracting",
            ["problem"] = Text("Problema"),
            ["statusQuo"] = Text("Situación"),
            ["objective"] = Text("Objetivo"),
            ["ogpValues"] = new JsonArray("access-to-information"),
            ["leadInstitution"] = lead,
            ["supportingInstitutions"] = new JsonArray([.. supporting.Select(s => (JsonNode?)s)]),
            ["startDate"] = "2025-02-01",
            ["endDate"] = "2026-12",
            ["shortTermDeadline"] = null,
            ["verifiable"] = true,
            ["provenance"] = "imported-from-public-sources",
            ["milestones"] = new JsonArray([.. responsible.Select((r, i) => (JsonNode?)new JsonObject
            {
                ["number"] = i + 1,
                ["title"] = Text($"Hito {i + 1}"),
                ["responsibleInstitution"] = r,
                ["startDate"] = "2025",
                ["endDate"] = null,
                ["weight"] = 33.3333,
            })]),
        });

    /// <summary>The event's canonical bytes with <paramref name="edit"/> applied to its JSON text (to break it on purpose).</summary>
    public static byte[] Edited(RecordEvent e, Func<string, string> edit) => Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(Encode(e))));
}

using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Pacta.Core.ForumDocuments;

namespace Pacta.Core.Tests.ForumDocuments;

/// <summary>
/// Holds docs/forum-document.schema.json to what the reader does: the repository's documents conform,
/// broken ones are refused by both, and each kind of object has the same fields in the schema as in
/// <see cref="ForumDocumentReader.DocumentFields"/>. What a schema cannot say (unique codes, references
/// to stored data, date order, duplicate keys) is tested on the reader alone.
/// </summary>
public sealed class ForumDocumentSchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(RepositoryFiles.Path("docs", "forum-document.schema.json"));
    private static readonly JsonSchema Schema = JsonSchema.FromText(SchemaText);

    private static List<string> SchemaErrors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] :
            [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")), "invalid"];
    }

    private static bool ReaderAccepts(string json) => ForumDocumentReader.Read("doc.json", Encoding.UTF8.GetBytes(json)).Errors.Count == 0;

    [Theory]
    [InlineData("mx-forum.json")]
    [InlineData("sample-plan.json")]
    public void Schema_RepositoryDocument_Conforms(string file)
    {
        Assert.Empty(SchemaErrors(File.ReadAllText(RepositoryFiles.Path("testdata", file))));
    }

    [Fact]
    public void Schema_DocumentWithEveryField_ConformsAndIsReadWithoutErrors()
    {
        Assert.Empty(SchemaErrors(EveryField));
        Assert.True(ReaderAccepts(EveryField));
    }

    [Theory]
    [InlineData("wrong-format.json")]
    [InlineData("impossible-date.json")]
    [InlineData("wrong-type.json")]
    [InlineData("unknown-field.json")]
    public void Schema_BadFixtureTheSchemaCanSee_IsRefused(string file)
    {
        Assert.NotEmpty(SchemaErrors(File.ReadAllText(RepositoryFiles.Path("testdata", "bad", file))));
    }

    [Theory]
    [InlineData("""{ "format": "open-government-forum/1", "plans": [ { "number": 1, "title": { "es": "P" }, "commitments": [ { "code": "MX1", "title": { "es": "C" }, "ogpValues": ["transparency"] } ] } ] }""")]
    [InlineData("""{ "format": "open-government-forum/1", "plans": [ { "number": 1, "title": { "es": null, "en": null } } ] }""")]
    [InlineData("""{ "format": "open-government-forum/1", "plans": [ { "number": 1, "title": { "es": " " } } ] }""")]
    [InlineData("""{ "format": "open-government-forum/1", "note": "bell\u0007" }""")]
    [InlineData("""{ "format": "open-government-forum/1", "plans": [ { "number": 1, "title": { "es": "P" }, "commitments": [ { "code": "mx1", "title": { "es": "C" } } ] } ] }""")]
    [InlineData("""{ "format": "open-government-forum/1", "participationEvents": [ { "date": "2019", "party": "Civil Society", "status": "active" } ] }""")]
    [InlineData("""{ "format": "open-government-forum/1", "participationEvents": [ { "date": "2019", "party": "civil-society" } ] }""")]
    [InlineData("""{ "format": "open-government-forum/1", "forum": { "name": { "es": "F" }, "parties": [ { "key": "a", "name": { "es": "A" }, "decisionRule": "majority" } ] } }""")]
    [InlineData("""{ "format": "open-government-forum/1", "plans": [ { "number": 1, "title": { "es": "P" }, "commitments": [ { "code": "MX1", "title": { "es": "C" }, "milestones": [ { "title": { "es": "H" }, "weight": 0 } ] } ] } ] }""")]
    [InlineData("""{ "format": "open-government-forum/1", "plans": [ { "number": 1.5, "title": { "es": "P" } } ] }""")]
    [InlineData("""{ "format": "open-government-forum/1", "member": { "kind": "regional" } }""")]
    public void Schema_DocumentTheReaderRefuses_IsRefusedToo(string json)
    {
        Assert.False(ReaderAccepts(json));
        Assert.NotEmpty(SchemaErrors(json));
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2017-05")]
    [InlineData("2021-08-31")]
    [InlineData("2020-02-29")]
    [InlineData("2021-02-30")]
    [InlineData("2021-04-31")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("19-01-01")]
    [InlineData("0000")]
    [InlineData("yesterday")]
    public void Schema_DatePattern_AgreesWithPartialDate(string date)
    {
        var json = $$"""{ "format": "open-government-forum/1", "participationEvents": [ { "date": "{{date}}", "party": "civil-society", "status": "active" } ] }""";

        Assert.Equal(PartialDate.TryParse(date, out _), SchemaErrors(json).Count == 0);
    }

    [Fact]
    public void Schema_EachKindOfObject_HasExactlyTheReadersFields()
    {
        var schema = JsonNode.Parse(SchemaText)!.AsObject();
        var definitions = schema["$defs"]!.AsObject();
        var kinds = typeof(ForumDocumentReader.DocumentFields).GetFields(BindingFlags.Public | BindingFlags.Static);
        var covered = new HashSet<string>(StringComparer.Ordinal);

        foreach (var kind in kinds)
        {
            var readerFields = ((IReadOnlyList<string>)kind.GetValue(null)!).Order(StringComparer.Ordinal).ToList();
            string[] names = kind.Name switch
            {
                "Document" => [""],
                "Text" => ["text", "longText"],
                _ => [char.ToLowerInvariant(kind.Name[0]) + kind.Name[1..]],
            };
            foreach (var name in names)
            {
                var definition = name.Length == 0 ? schema : definitions[name]?.AsObject();
                Assert.True(definition is not null, $"The schema has no $defs/{name} for the reader's {kind.Name}.");
                Assert.False(definition["additionalProperties"]!.GetValue<bool>(), $"$defs/{name} must refuse unknown fields.");
                var schemaFields = definition["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                Assert.True(readerFields.SequenceEqual(schemaFields),
                    $"{kind.Name}: reader [{string.Join(", ", readerFields)}], schema {name} [{string.Join(", ", schemaFields)}]");
                covered.Add(name);
            }
        }

        var uncovered = definitions.Where(d => d.Value!["properties"] is not null && !covered.Contains(d.Key)).Select(d => d.Key).ToList();
        Assert.True(uncovered.Count == 0, $"Schema definitions the reader does not read: {string.Join(", ", uncovered)}");
    }

    /// <summary>A document that uses every field of the format at least once, with values both the reader and the schema accept.</summary>
    private const string EveryField = """
        {
          "format": "open-government-forum/1",
          "note": "Every field, for the schema test.",
          "member": { "name": { "es": "Ejemplo", "en": "Example" }, "kind": "local", "ogpMemberSince": 2016, "foundingMember": false },
          "forum": {
            "name": { "es": "Foro", "en": "Forum" },
            "formerName": { "es": "Secretariado", "en": null },
            "parties": [
              { "key": "executive", "name": { "es": "Ejecutivo", "en": "Executive" }, "decisionRule": "single-representative",
                "organizations": [ { "short": "SEJ", "name": { "es": "Secretaría", "en": null }, "fictional": true } ] },
              { "key": "civil-society", "name": { "es": "Sociedad civil", "en": null }, "decisionRule": "majority", "organizations": null }
            ]
          },
          "organizations": [ { "party": "civil-society", "short": "Red", "name": { "es": "Red", "en": "Network" }, "fictional": true } ],
          "participationEvents": [
            { "date": "2022-10-25", "party": "civil-society", "status": "suspended", "source": "statement.txt", "grounds": ["surveillance-of-participants"] }
          ],
          "plans": [
            {
              "number": 7, "title": { "es": "Plan", "en": "Plan" },
              "period": { "from": "2025-01", "to": "2027", "extendedTo": "2027-12-31" },
              "state": "co-creation", "fictional": true, "source": "Invented.",
              "cocreation": { "consultation": { "from": "2024-09", "to": "2024-10-15" }, "onlineParticipants": 10, "inPersonParticipants": 0 },
              "irm": { "relevantToOgpValues": 1, "transformative": 0, "earlyResults": { "marginal": 1, "major": 0, "outstanding": 0, "noEvidence": 0 } },
              "commitments": [
                {
                  "code": "EX-01", "title": { "es": "Compromiso", "en": null }, "policyArea": "Civic Space",
                  "problem": { "es": "Problema", "en": null }, "statusQuo": { "es": null, "en": "Status quo" }, "objective": { "es": "Objetivo", "en": "Objective" },
                  "ogpValues": ["civic-participation", "technology-and-innovation"],
                  "lead": "SEJ", "supporting": ["Red"],
                  "start": "2025-02-01", "end": "2026-12-31", "shortTermDeadline": "2025-12", "verifiable": true,
                  "milestones": [ { "title": { "es": "Hito", "en": null }, "responsible": "Red", "start": "2025-02", "end": "2025-06-30", "weight": 12.5 } ]
                }
              ]
            }
          ]
        }
        """;
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.ForumDocuments;
using Pacta.Core.Record;
using Pacta.Core.RecordKeys;
using Pacta.Core.RecordStore;

namespace Pacta.Bench.RecordVerify;

/// <summary>
/// Writes a portal's database whose record of exactly COUNT events replays into the public state its entity
/// tables hold, so that <c>pacta verify --url</c> passes on it: every event is appended by the app's own code.
/// </summary>
/// <remarks>
/// First the Mexican forum (testdata/mx-forum.json) and a generated document of <see cref="Plans"/> plans of
/// <see cref="CommitmentsPerPlan"/> commitments with three milestones each are imported (real events). Then
/// the bulk: further versions of those commitments (each its imported event with the English title revised),
/// or, with <c>small</c>, mostly of the generated organisations (nine in ten), appended through
/// <see cref="RecordAppender"/> in batches, each in its own write transaction. Last, the generated document is
/// imported once more with every title (and, with <c>small</c>, every organisation's name) changed: the import
/// appends one event per changed entity carrying exactly what the tables then hold, so the latest event of
/// every subject is its state.
/// </remarks>
internal sealed class PortalRecord(DatabaseSettings settings, string repository)
{
    private const int Plans = 4;
    private const int CommitmentsPerPlan = 250;
    private const int Organizations = 40;
    private const int BatchSize = 10_000;
    private const string CommitmentPrefix = "commitment/BENCH-";
    private const string OrganizationPrefix = "organization/Bench org ";

    public async Task<long> WriteAsync(long count, bool small, Action<string> log)
    {
        await ImportAsync("mx-forum.json", await File.ReadAllBytesAsync(Path.Combine(repository, "testdata", "mx-forum.json")));
        await ImportAsync("bench-plans.json", GeneratedDocument(final: false, small));
        var imported = await SizeAsync();
        var finalEvents = Plans * CommitmentsPerPlan + (small ? Organizations : 0);
        var bulk = count - imported - finalEvents;
        if (bulk < 0) throw new ArgumentOutOfRangeException(nameof(count), count, $"the imports alone make {imported + finalEvents} events");
        log($"record-verify: {imported:N0} events imported; appending {bulk:N0} revisions");

        var (commitments, organizations) = await TemplatesAsync();
        for (long done = 0; done < bulk;)
        {
            var events = new List<RecordEvent>((int)Math.Min(BatchSize, bulk - done));
            for (; events.Count < BatchSize && done < bulk; done++)
            {
                // With small events, nine in ten are organisations' (about 300 bytes), one a commitment's.
                var template = small && done % 10 != 9
                    ? organizations[(int)(done % organizations.Count)]
                    : commitments[(int)((small ? done / 10 : done) % commitments.Count)];
                events.Add(template.Revision(done));
            }
            await using var db = settings.CreateContext();
            await using var transaction = await db.BeginWriteTransactionAsync();
            await new RecordAppender(db, TimeProvider.System).AppendAsync(events);
            await transaction.CommitAsync();
            if (done % 100_000 < BatchSize) log($"record-verify: {done:N0} revisions appended");
        }

        await ImportAsync("bench-plans-final.json", GeneratedDocument(final: true, small));
        var size = await SizeAsync();
        if (size != count) throw new InvalidOperationException($"the record has {size} events, not {count}");
        return size;
    }

    /// <summary>Signs a checkpoint for the whole record with a new key in the data directory; returns the verifier key.</summary>
    public async Task<string> SignAsync(string origin)
    {
        await using var db = settings.CreateContext();
        var head = await db.RecordHeads.SingleAsync();
        using var key = RecordSigningKey.Create(Path.Combine(settings.DataDirectory, RecordSettings.DefaultKeyFileName), origin);
        db.Checkpoints.Add(new StoredCheckpoint { Size = head.Size, Text = CheckpointSigning.Sign(key, head.Size, new Pacta.Core.Record.Merkle.Hash(head.Root)) });
        await db.SaveChangesAsync();
        return key.VerifierKeyText;
    }

    private async Task ImportAsync(string fileName, byte[] document)
    {
        await using var db = settings.CreateContext();
        var result = await new ImportForumDocument(db).ExecuteAsync(fileName, document);
        if (result.Errors.Count > 0) throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    private async Task<long> SizeAsync()
    {
        await using var db = settings.CreateContext();
        return (await db.RecordHeads.SingleAsync()).Size;
    }

    /// <summary>The latest event of each generated commitment and organisation, parsed once.</summary>
    private async Task<(List<Template> Commitments, List<Template> Organizations)> TemplatesAsync()
    {
        await using var db = settings.CreateContext();
        var entries = await db.RecordEntries
            .Where(e => e.Subject.StartsWith(CommitmentPrefix) || e.Subject.StartsWith(OrganizationPrefix))
            .OrderBy(e => e.Index).ToListAsync();
        var latest = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var json = JsonNode.Parse(entry.Bytes)!.AsObject();
            latest[entry.Subject] = new Template(
                json["type"]!.GetValue<string>(), json["actor"]!.AsObject(), entry.Subject, json["data"]!.AsObject(),
                entry.Subject.StartsWith(CommitmentPrefix, StringComparison.Ordinal) ? "title" : "name");
        }
        return ([.. latest.Values.Where(t => t.Field == "title")], [.. latest.Values.Where(t => t.Field == "name")]);
    }

    private sealed record Template(string Type, JsonObject Actor, string Subject, JsonObject Data, string Field)
    {
        private readonly string _english = Data[Field]!["en"]!.GetValue<string>();

        public RecordEvent Revision(long number)
        {
            var data = Data.DeepClone().AsObject();
            data[Field]!["en"] = string.Create(CultureInfo.InvariantCulture, $"{_english} (rev {number})");
            return new RecordEvent(Type, Actor, Subject, data);
        }
    }

    /// <summary>
    /// A forum document of generated plans, commitments and organisations, with texts about as long as a real
    /// plan's; <paramref name="final"/> changes every commitment title (and, with <paramref name="small"/>,
    /// every organisation name) so that importing it again appends one event for each.
    /// </summary>
    private static byte[] GeneratedDocument(bool final, bool small)
    {
        static JsonObject Text(string es, string en) => new() { ["es"] = es, ["en"] = en };
        var suffix = final ? " (final)" : "";
        string[] parties = ["executive", "guarantor", "civil-society"];
        var organizations = new JsonArray();
        for (var o = 1; o <= Organizations; o++)
        {
            organizations.Add(new JsonObject
            {
                ["party"] = parties[o % parties.Length],
                ["short"] = $"Bench org {o:00}",
                ["name"] = Text($"Organización de prueba número {o} (ficticia)", $"Benchmark organisation number {o} (fictional){(small ? suffix : "")}"),
                ["fictional"] = true,
            });
        }
        var plans = new JsonArray();
        var code = 0;
        for (var p = 0; p < Plans; p++)
        {
            var commitments = new JsonArray();
            for (var c = 0; c < CommitmentsPerPlan; c++)
            {
                code++;
                var lead = $"Bench org {code % Organizations + 1:00}";
                var milestones = new JsonArray();
                for (var m = 0; m < 3; m++)
                {
                    milestones.Add(new JsonObject
                    {
                        ["title"] = Text($"Hito {m + 1} del compromiso de prueba {code}: publicación de datos abiertos", $"Milestone {m + 1} of benchmark commitment {code}: open data publication"),
                        ["responsible"] = $"Bench org {(code + m) % Organizations + 1:00}",
                        ["start"] = $"2025-0{m * 3 + 1}-01",
                        ["end"] = $"2025-0{m * 3 + 3}-30",
                        ["weight"] = m == 2 ? 40 : 30,
                    });
                }
                commitments.Add(new JsonObject
                {
                    ["code"] = string.Create(CultureInfo.InvariantCulture, $"BENCH-{code:0000}"),
                    ["title"] = Text($"Compromiso de prueba {code}: contrataciones abiertas", $"Benchmark commitment {code}: open contracting{suffix}"),
                    ["policyArea"] = "Open Contracting",
                    ["problem"] = Text(
                        "Los contratos de obra pública se publican incompletos y tarde, lo que impide vigilar sobrecostos y retrasos.",
                        "Public works contracts are published late and incomplete, so cost overruns and delays cannot be monitored."),
                    ["statusQuo"] = Text("Solo el 30 % de los contratos tiene documentos de ejecución publicados.", "Only 30% of contracts have their execution documents published."),
                    ["objective"] = Text(
                        "Publicar todos los contratos de obra pública en el Estándar de Datos para las Contrataciones Abiertas, con sus modificaciones.",
                        "Publish every public works contract in the Open Contracting Data Standard, with its amendments."),
                    ["ogpValues"] = new JsonArray("access-to-information", "public-accountability"),
                    ["lead"] = lead,
                    ["supporting"] = new JsonArray($"Bench org {(code + 7) % Organizations + 1:00}"),
                    ["start"] = "2025-01-01",
                    ["end"] = "2026-12-31",
                    ["verifiable"] = true,
                    ["milestones"] = milestones,
                });
            }
            plans.Add(new JsonObject
            {
                ["number"] = 901 + p,
                ["title"] = Text($"Plan de acción de prueba {901 + p} (ficticio)", $"Benchmark action plan {901 + p} (fictional)"),
                ["period"] = new JsonObject { ["from"] = "2025-01", ["to"] = "2027-06", ["extendedTo"] = null },
                ["state"] = "implementation",
                ["fictional"] = true,
                ["commitments"] = commitments,
            });
        }
        var document = new JsonObject
        {
            ["format"] = "open-government-forum/1",
            ["note"] = "Generated benchmark data: invented plans, commitments and organisations.",
            ["organizations"] = organizations,
            ["plans"] = plans,
        };
        return System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
    }
}

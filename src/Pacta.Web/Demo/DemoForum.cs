using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pacta.Core;
using Pacta.Core.Agreements;
using Pacta.Core.Data;
using Pacta.Core.ForumDocuments;
using Pacta.Core.People;
using Pacta.Core.Plans;
using Pacta.Core.Progress;
using Pacta.Core.RecordStore;
using Pacta.Web.People;

namespace Pacta.Web.Demo;

/// <summary>
/// The fictional demo forum (<c>Pacta:Seed:Forum=demo</c>): an invented forum whose plans show every state of
/// co-creation, agreement and progress — a draft with two versions, a partly approved draft, agreed commitments, one
/// amended, one with an amendment pending, and milestones on track, stalled, overdue, disputed and complete.
/// </summary>
/// <remarks>
/// Every state is reached through Pacta's own operations, as people would reach it through the pages, so the record
/// holds what it would hold for a real forum and <c>pacta verify</c> checks it the same way. The representatives are
/// fictional members who cannot sign in; each signs their votes with a passkey made in memory for the seeding
/// (<see cref="SoftwarePasskey"/>) and thrown away afterwards: the signatures verify, and no more can be made. The
/// demo exists because Mexico's forum cannot show these states honestly: its civil society decides by unanimity of
/// real organisations, and Pacta never invents their approvals (docs/adr/0005-plan-stages.md).
/// Milestone dates are set from the day of seeding, so the statuses are the ones named on that day; as days pass they
/// move as any milestone's would (the statuses are computed from the clock, never stored).
/// </remarks>
internal sealed class DemoForum(IServiceProvider services, TimeProvider time)
{
    public const string File = "demo-forum.json";

    private readonly RecordWriter _writer = services.GetRequiredService<RecordWriter>();
    private readonly RelyingParty _relyingParty = services.GetRequiredService<RelyingParty>();
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);

    /// <summary>A fictional member and their passkey; <paramref name="Votes"/> when they hold their party's (or organisation's) appointment.</summary>
    private sealed record Person(Member Member, SoftwarePasskey Key, string Party, string? Organization, bool Votes);

    public async Task SeedAsync(string path, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<PactaDbContext>();
        var imported = await new ImportForumDocument(db).ExecuteAsync(File, await System.IO.File.ReadAllBytesAsync(path, cancellationToken), cancellationToken);
        if (!imported.Succeeded) throw new InvalidOperationException($"Loading {File} failed:{Environment.NewLine}{string.Join(Environment.NewLine, imported.Errors)}");
        db.ChangeTracker.Clear();
        try
        {
            await RepresentativesAsync(db, cancellationToken);
            await PlanOneAsync(cancellationToken);
            await PlanTwoAsync(cancellationToken);
        }
        finally
        {
            // The private keys go with the seeding: nobody can sign another vote for these fictional people.
            foreach (var person in _people.Values) person.Key.Dispose();
            _people.Clear();
        }
    }

    /// <summary>One representative per organisation: of the whole party for the executive and the guarantor, of their organisation in civil society.</summary>
    private async Task RepresentativesAsync(PactaDbContext db, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<Member>>();
        var appointments = services.GetRequiredService<AppointmentRecord>();
        var organizations = await db.Organizations.AsNoTracking().Join(db.Parties, o => o.PartyKey, p => p.Key, (o, p) => new { o.Id, o.ShortName, o.PartyKey, o.Position, p.DecisionRule })
            .OrderBy(o => o.PartyKey).ThenBy(o => o.Position).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var organization in organizations)
        {
            var name = $"demo-{_people.Count + 1}";
            var member = new Member
            {
                UserName = name,
                Email = $"{name}@example.invalid",
                EmailConfirmed = true,
                DisplayName = $"Persona ficticia de {organization.ShortName}",
                Kind = AccountKind.Participant,
                OrganizationId = organization.Id,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(member);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            var key = new SoftwarePasskey();
            var wholeParty = organization.DecisionRule == Pacta.Core.Forum.DecisionRule.SingleRepresentative;
            // A single-representative party has one representative: its first organisation's person speaks for it.
            var represents = !wholeParty || !_people.Values.Any(p => p.Party == organization.PartyKey && p.Votes);
            db.UserPasskeys.Add(SoftwarePasskey.Stored(member.Id, key.CredentialId, key.PublicKey, "Llave de la demostración", now));
            if (represents)
                db.Appointments.Add(new Appointment { MemberId = member.Id, PartyKey = organization.PartyKey, OrganizationId = wholeParty ? null : organization.Id, Since = now });
            await db.SaveChangesAsync(ct);
            if (represents) await appointments.PublishAsync(member.Id, ct);
            _people.Add(organization.ShortName, new Person(member, key, organization.PartyKey, wholeParty ? null : organization.ShortName, represents));
        }
        db.ChangeTracker.Clear();
    }

    private async Task PlanOneAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var table = Ok(await new OpenWorkingTable(_writer, time).ExecuteAsync(1, Text("Datos abiertos del presupuesto", "Open budget data"), Id("SDE"), ct));

        // Eight commitments agreed by every party while the plan is in co-creation; the milestones' dates make their statuses.
        var onTrack = await AgreedAsync(table, "Presupuesto abierto en formato reutilizable", "Reusable open budget", "SDE",
            (today.AddDays(-30), today.AddDays(200)));
        var stalled = await AgreedAsync(table, "Registro público de subsidios", "Public register of subsidies", "MHE",
            (today.AddDays(-200), today.AddDays(300)));
        var overdue = await AgreedAsync(table, "Portal de contrataciones con datos abiertos", "Open contracting portal", "MHE",
            (today.AddDays(-150), today.AddDays(-10)));
        var complete = await AgreedAsync(table, "Calendario público de publicación de datos", "Public data release calendar", "SDE",
            (today.AddDays(-120), today.AddDays(-20)));
        var disputed = await AgreedAsync(table, "Auditoría social de programas de vivienda", "Social audit of housing programmes", "SDE",
            (today.AddDays(-60), today.AddDays(120)));
        var amended = await AgreedAsync(table, "Consulta pública sobre datos personales", "Public consultation on personal data", "SDE",
            (today.AddDays(-20), today.AddDays(160)));
        var pendingAmendment = await AgreedAsync(table, "Indicadores abiertos de obra pública", "Open public works indicators", "MHE",
            (today.AddDays(-40), today.AddDays(260)));
        var atRisk = await AgreedAsync(table, "Datos abiertos de compras de medicamentos", "Open data on medicine purchases", "MHE",
            (today.AddDays(-300), today.AddDays(60)));

        // Every party approves moving the plan to implementation.
        var proposal = Ok(await new ProposeStage(_writer, time).ExecuteAsync(1, PlanState.Implementation,
            Text("Los ocho compromisos están acordados por todas las partes.", "All eight commitments are agreed by every party."), Id("IGE"), ct));
        foreach (var voter in Voters())
        {
            var statement = new StageStatement(1, proposal, PlanState.CoCreation, PlanState.Implementation, voter.Party, voter.Organization, VoteDecision.Approval);
            Ok(await new CastStageVote(_writer, time, _relyingParty).ExecuteAsync(
                new StageVoteInput(1, proposal, voter.Party, VoteDecision.Approval, null, voter.Key.CredentialId, Sign(voter.Key, statement.Challenge())), voter.Member.Id, ct));
        }

        // An amendment every party agreed (a later end date), and one only some have approved so far.
        var amendedText = Commitment("Consulta pública sobre datos personales", "Public consultation on personal data", "SDE", (today.AddDays(-20), today.AddDays(220)));
        var amendment = Ok(await new ProposeVersion(_writer, time).ExecuteAsync(new VersionProposal(amended, null, amendedText,
            Text("La consulta necesita dos meses más para llegar a las regiones.", "The consultation needs two more months to reach the regions."),
            Text("Misma meta; la fecha de término pasa dos meses.", "Same goal; the end date moves two months.")), Id("Colectivo Aurora"), ct));
        await VoteAsync(amended, amendment.Version, amendedText.Hash(), Voters(), ct);
        var pendingText = Commitment("Indicadores abiertos de obra pública, con georreferencia", "Open public works indicators, georeferenced", "MHE",
            (today.AddDays(-40), today.AddDays(260)));
        var pending = Ok(await new ProposeVersion(_writer, time).ExecuteAsync(new VersionProposal(pendingAmendment, null, pendingText,
            Text("Las organizaciones piden ubicar cada obra en el mapa.", "The organisations ask for every work to be located on the map."),
            Text("Amplía el alcance: cada indicador lleva su ubicación.", "Widens the scope: each indicator carries its location.")), Id("Red Brújula"), ct));
        await VoteAsync(pendingAmendment, pending.Version, pendingText.Hash(), Voters().Where(v => v.Party != "civil-society" || v.Organization == "Red Brújula"), ct);

        // Progress: on track, overdue with limited progress, at risk (most of its time gone, little done), complete with its evidence, and a disputed report answered.
        await ReportAsync(onTrack, "SDE", Completion.Substantial, "El conjunto de datos se publica cada mes; faltan dos ramos.", [], ct);
        await ReportAsync(overdue, "MHE", Completion.Limited, "El portal está en pruebas internas; no se ha publicado.", [], ct);
        await ReportAsync(atRisk, "MHE", Completion.Limited, "Se publicaron las compras de un solo hospital.", [], ct);
        var evidence = services.GetRequiredService<EvidenceFiles>();
        var minutes = Encoding.UTF8.GetBytes("Acta ficticia de la demostración de Pacta: el calendario de publicación de datos se aprobó y se publicó.\n");
        var (sha256, _) = await evidence.SaveAsync(minutes, ct);
        await ReportAsync(complete, "SDE", Completion.Complete, "El calendario se publicó y se cumple desde hace dos meses.",
            [new EvidenceFile(sha256, "acta-ficticia.txt", "text/plain", minutes.Length)], ct);
        var report = await ReportAsync(disputed, "SDE", Completion.Substantial, "Se hicieron las auditorías sociales en las cinco regiones.", [], ct);
        var dispute = Ok(await new DisputeReport(_writer, time).ExecuteAsync(report,
            "Las auditorías se hicieron en tres regiones, no en cinco; faltan las actas de dos.", Id("Observatorio Ceiba"), ct));
        Ok(await new AnswerDispute(_writer, time).ExecuteAsync(dispute, "Las dos actas restantes se publicarán este mes.", Id("SDE"), ct));
        _ = stalled; // No report: it stalls by itself, as the status rules say.
    }

    /// <summary>Plan 2, still in co-creation: a draft with two versions, and a draft two of the three parties approved.</summary>
    private async Task PlanTwoAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var table = Ok(await new OpenWorkingTable(_writer, time).ExecuteAsync(2, Text("Participación y espacio cívico", "Participation and civic space"), Id("Colectivo Aurora"), ct));
        var first = Commitment("Protocolo de protección para personas participantes", "Protection protocol for participants", "IGE", (today.AddDays(400), today.AddDays(700)));
        var draft = Ok(await new ProposeVersion(_writer, time).ExecuteAsync(new VersionProposal(null, table, first, LocalizedText.Unknown, LocalizedText.Unknown), Id("Colectivo Aurora"), ct));
        var second = Commitment("Protocolo público de protección para personas participantes en el foro", "Public protection protocol for the forum's participants", "IGE",
            (today.AddDays(400), today.AddDays(730)));
        Ok(await new ProposeVersion(_writer, time).ExecuteAsync(new VersionProposal(draft.Code, null, second, LocalizedText.Unknown, LocalizedText.Unknown), Id("Colectivo Aurora"), ct));

        var partly = Commitment("Respuestas fundadas a cada aportación de la consulta", "A reasoned answer to every consultation input", "SDE", (today.AddDays(420), today.AddDays(760)));
        var partlyDraft = Ok(await new ProposeVersion(_writer, time).ExecuteAsync(new VersionProposal(null, table, partly, LocalizedText.Unknown, LocalizedText.Unknown), Id("Colectivo Aurora"), ct));
        await VoteAsync(partlyDraft.Code, 1, partly.Hash(), Voters().Where(v => v.Party != "civil-society"), ct);
    }

    private async Task<string> AgreedAsync(Guid table, string es, string en, string lead, (DateOnly Start, DateOnly End) milestone)
    {
        var text = Commitment(es, en, lead, milestone);
        var draft = Ok(await new ProposeVersion(_writer, time).ExecuteAsync(new VersionProposal(null, table, text, LocalizedText.Unknown, LocalizedText.Unknown), Id("SDE")));
        await VoteAsync(draft.Code, 1, text.Hash(), Voters(), CancellationToken.None);
        return draft.Code;
    }

    private async Task VoteAsync(string code, int version, string hash, IEnumerable<Person> voters, CancellationToken ct)
    {
        foreach (var voter in voters)
        {
            var statement = new VoteStatement(code, version, hash, voter.Party, voter.Organization, VoteDecision.Approval);
            Ok(await new CastVote(_writer, time, _relyingParty).ExecuteAsync(
                new VoteInput(code, version, voter.Party, VoteDecision.Approval, null, voter.Key.CredentialId, Sign(voter.Key, statement.Challenge())), voter.Member.Id, ct));
        }
    }

    private async Task<Guid> ReportAsync(string code, string organization, Completion completion, string narrative, IReadOnlyList<EvidenceFile> files, CancellationToken ct) =>
        Ok(await new ReportProgress(_writer, time).ExecuteAsync(new ProgressInput(code, 1, completion, new LocalizedText(narrative, null), files, []), Id(organization), ct));

    /// <summary>The representatives who vote: one per party under a single representative, one per organisation otherwise.</summary>
    private List<Person> Voters() => _people.Values.Where(p => p.Votes).OrderBy(p => p.Party, StringComparer.Ordinal).ToList();

    private WebAuthnAssertion Sign(SoftwarePasskey key, byte[] challenge) => key.Assert(challenge, _relyingParty.Id, _relyingParty.Origins.First());

    private Guid Id(string organization) => _people[organization].Member.Id;

    private static CommitmentText Commitment(string es, string en, string lead, (DateOnly Start, DateOnly End) milestone) => new(
        Text(es + " (ficticio)", en + " (fictional)"), "Open data",
        Text("La información pública no se publica en formatos que se puedan reutilizar.", "Public information is not published in reusable formats."),
        Text("Hoy se publica en documentos escaneados.", "Today it is published as scanned documents."),
        Text("Que cualquiera pueda descargar, revisar y reutilizar la información.", "Anyone can download, check and reuse the information."),
        ["access-to-information", "public-accountability"], lead, [lead == "IGE" ? "Colectivo Aurora" : "IGE"], milestone.Start, milestone.End,
        [new MilestoneText(1, Text("Publicación completa (ficticia)", "Full publication (fictional)"), lead, milestone.Start, milestone.End, 1m)]);

    private static LocalizedText Text(string es, string en) => new(es, en);

    private static T Ok<T>(OperationResult<T> result) =>
        result.Error is { } refusal ? throw new InvalidOperationException($"The demo forum could not be seeded: {refusal.Message}") : result.Value!;
}

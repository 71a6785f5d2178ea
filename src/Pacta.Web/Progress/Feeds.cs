using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pacta.Core;
using Pacta.Core.Agreements;
using Pacta.Core.Data;
using Pacta.Core.Progress;
using Pacta.Web.Localization;

namespace Pacta.Web.Progress;

/// <summary>
/// Atom feeds (RFC 4287) per plan and per commitment, in each language: a plan's stage proposals and their outcome, versions proposed and agreed, amendments,
/// progress reports, disputes and answers, and the moments a milestone became overdue or stalled. Silence is an
/// entry too: a follower learns that nothing was reported, without having to look.
/// </summary>
internal static class Feeds
{
    public const int MaxEntries = 200;

    public static void MapPactaFeeds(this WebApplication app)
    {
        foreach (var language in (string[])["es", "en"])
        {
            app.MapGet($"/{language}/plans/{{number:int}}/feed.atom", (int number, PactaDbContext db, TimeProvider time, ProgressSettings settings, IStringLocalizer<Text> t, HttpContext context) =>
                FeedAsync(db, time, settings, t, context, language, number, null)).AllowAnonymous().ExcludeFromDescription();
            app.MapGet($"/{language}/commitments/{{code}}/feed.atom", (string code, PactaDbContext db, TimeProvider time, ProgressSettings settings, IStringLocalizer<Text> t, HttpContext context) =>
                FeedAsync(db, time, settings, t, context, language, null, code)).AllowAnonymous().ExcludeFromDescription();
        }
    }

    private sealed record Entry(string Id, DateTimeOffset Updated, string Title, string Summary, string Link);

    private static async Task<IResult> FeedAsync(PactaDbContext db, TimeProvider time, ProgressSettings settings, IStringLocalizer<Text> t, HttpContext context,
        string language, int? planNumber, string? code)
    {
        // The language's culture (Pacta:Cultures) is set from the path by UseCultureFromPath, as for every page.
        var culture = CultureInfo.CurrentUICulture;
        var commitments = await db.Commitments.AsNoTracking()
            .Where(c => planNumber != null ? c.PlanNumber == planNumber : c.Code == code)
            .Select(c => new { c.Code, c.Title, c.PlanNumber, PlanState = c.Plan!.State, PlanTitle = c.Plan.Title, c.Plan.Fictional })
            .ToListAsync(context.RequestAborted);
        var plan = planNumber is null ? null : await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Number == planNumber, context.RequestAborted);
        if ((planNumber is not null && plan is null) || (code is not null && commitments.Count == 0))
            return Results.Text("No such plan or commitment.", statusCode: StatusCodes.Status404NotFound);

        var codes = commitments.Select(c => c.Code).ToList();
        var titles = commitments.ToDictionary(c => c.Code, c => Best(c.Title, culture) ?? c.Code, StringComparer.Ordinal);
        var site = $"{context.Request.Scheme}://{context.Request.Host}";
        string Page(string c, string? anchor = null) => $"{site}/{language}/commitments/{Uri.EscapeDataString(c)}{anchor}";
        var entries = new List<Entry>();

        foreach (var v in await db.CommitmentVersions.AsNoTracking().Where(v => codes.Contains(v.CommitmentCode)).ToListAsync(context.RequestAborted))
        {
            var amendment = v.Kind == VersionKind.Amendment;
            entries.Add(new($"{site}/{language}/commitments/{v.CommitmentCode}/versions#version-{v.Number}", v.ProposedAt,
                t[amendment ? "FeedAmendmentProposed" : "FeedVersionProposed", v.CommitmentCode, v.Number].Value, titles[v.CommitmentCode],
                $"{site}/{language}/commitments/{v.CommitmentCode}/versions#version-{v.Number}"));
            if (v.AgreedAt is { } agreed)
                entries.Add(new($"{site}/{language}/commitments/{v.CommitmentCode}/versions#agreed-{v.Number}", agreed,
                    t[amendment ? "FeedAmendmentAgreed" : "FeedAgreed", v.CommitmentCode, v.Number].Value, titles[v.CommitmentCode], Page(v.CommitmentCode)));
        }
        if (planNumber is { } n)
        {
            // The plan's stage: each proposal to move it, and its outcome (every party approved, or one objected).
            var stages = $"{site}/{language}/plans/{n.ToString(CultureInfo.InvariantCulture)}/stages";
            foreach (var p in await db.StageProposals.AsNoTracking().Where(p => p.PlanNumber == n).ToListAsync(context.RequestAborted))
            {
                var (from, to) = (t[$"PlanState_{p.From}"].Value, t[$"PlanState_{p.To}"].Value);
                entries.Add(new($"{stages}#proposal-{p.Number}", p.ProposedAt, t["FeedStageProposed", n, from, to, p.ProposedByOrganization].Value,
                    Best(p.Reason, culture) ?? "", $"{stages}#proposal-{p.Number}"));
                if (p is { Outcome: { } outcome, DecidedAt: { } decided })
                    entries.Add(new($"{stages}#decided-{p.Number}", decided, t[outcome == Pacta.Core.Plans.StageOutcome.Agreed ? "FeedStageAgreed" : "FeedStageObjected", n, to].Value,
                        "", $"{stages}#proposal-{p.Number}"));
            }
        }
        var reports = await db.ProgressReports.AsNoTracking().Where(r => codes.Contains(r.CommitmentCode)).ToListAsync(context.RequestAborted);
        foreach (var r in reports)
            entries.Add(new($"{site}/progress/{r.Id:D}", r.ReportedAt,
                t["FeedReported", r.CommitmentCode, r.MilestoneNumber, r.Organization, t[$"Completion_{r.Completion}"].Value].Value,
                Best(r.Narrative, culture) ?? "", Page(r.CommitmentCode, $"#milestone-{r.MilestoneNumber}")));
        var ids = reports.Select(r => r.Id).ToList();
        var byReport = reports.ToDictionary(r => r.Id);
        foreach (var d in await db.ProgressDisputes.AsNoTracking().Where(d => ids.Contains(d.ReportId)).ToListAsync(context.RequestAborted))
        {
            var report = byReport[d.ReportId];
            entries.Add(new($"{site}/dispute/{d.Id:D}", d.At, t["FeedDisputed", report.CommitmentCode, report.MilestoneNumber, d.Organization].Value, d.Reason,
                Page(report.CommitmentCode, $"#milestone-{report.MilestoneNumber}")));
            if (d is { Answer: { } answer, AnsweredAt: { } at })
                entries.Add(new($"{site}/dispute/{d.Id:D}/answer", at, t["FeedAnswered", report.CommitmentCode, d.AnsweredByOrganization ?? ""].Value, answer,
                    Page(report.CommitmentCode, $"#milestone-{report.MilestoneNumber}")));
        }

        // When a milestone became overdue or stalled, for plans whose follow-up Pacta holds.
        var now = time.GetUtcNow();
        var tracked = commitments.Where(c => c.PlanState is not null).Select(c => c.Code).ToList();
        var milestones = await db.Milestones.AsNoTracking().Where(m => tracked.Contains(m.CommitmentCode)).ToListAsync(context.RequestAborted);
        var newest = ProgressRules.Newest(reports.Select(r => (r.CommitmentCode, r.MilestoneNumber, r.Id, r.ReportedAt, r.Completion)));
        foreach (var m in milestones)
        {
            (DateTimeOffset At, Completion Completion)? last = newest.TryGetValue((m.CommitmentCode, m.Number), out var report) ? report : null;
            var facts = new MilestoneFacts(m.StartDate?.Start, m.EndDate?.End, m.Weight, last);
            var status = ProgressRules.Of(facts, now, settings.StalledDays);
            DateTimeOffset? since = status switch
            {
                ProgressStatus.Overdue => new DateTimeOffset(facts.End!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                ProgressStatus.Stalled => (last?.At ?? new DateTimeOffset(facts.Start!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).AddDays(settings.StalledDays),
                _ => null,
            };
            if (since is { } from)
                entries.Add(new($"{site}/{language}/commitments/{m.CommitmentCode}#milestone-{m.Number}-{PublicNames.Name(status)}", from,
                    t[$"Feed{status}", m.CommitmentCode, m.Number].Value, Best(m.Title, culture) ?? "", Page(m.CommitmentCode, $"#milestone-{m.Number}")));
        }

        entries = [.. entries.OrderByDescending(e => e.Updated).ThenBy(e => e.Id, StringComparer.Ordinal).Take(MaxEntries)];
        var self = $"{site}{context.Request.Path}";
        var title = plan is not null ? Best(plan.Title, culture) ?? plan.Number.ToString(CultureInfo.InvariantCulture) : $"{code} · {titles[code!]}";
        var fictional = plan?.Fictional ?? commitments[0].Fictional;
        return Results.Bytes(Write(self, $"{title}{(fictional ? " · " + t["FictionalLabel"].Value : "")} · Pacta", entries, now, language),
            "application/atom+xml; charset=utf-8");
    }

    private static byte[] Write(string self, string title, List<Entry> entries, DateTimeOffset now, string language)
    {
        const string atom = "http://www.w3.org/2005/Atom";
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, language);
            xml.WriteElementString("id", atom, self);
            xml.WriteElementString("title", atom, title);
            xml.WriteElementString("updated", atom, Time(entries.Count > 0 ? entries[0].Updated : now));
            xml.WriteStartElement("link", atom);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", self);
            xml.WriteEndElement();
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, "Pacta");
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("id", atom, entry.Id);
                xml.WriteElementString("title", atom, entry.Title);
                xml.WriteElementString("updated", atom, Time(entry.Updated));
                xml.WriteStartElement("link", atom);
                xml.WriteAttributeString("href", entry.Link);
                xml.WriteEndElement();
                xml.WriteElementString("summary", atom, entry.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Best(LocalizedText text, CultureInfo culture) => text.Best(culture)?.Text;
}

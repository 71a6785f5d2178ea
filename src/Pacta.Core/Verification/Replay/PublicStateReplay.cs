using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pacta.Core.Record;

namespace Pacta.Core.Verification.Replay;

/// <summary>
/// Replays the record's events, in index order, into the public state they establish, and collects every
/// entry that cannot be replayed as it is (<see cref="Problems"/>, each naming its index).
/// </summary>
/// <remarks>
/// <para>
/// Each entry must be exactly its RFC 8785 canonical form (the bytes that were hashed are the event; a
/// second spelling of it would be a second event), a JSON object of <c>type</c>, <c>time</c>, <c>actor</c>,
/// <c>subject</c> and <c>data</c>, of a known type whose <c>data</c> has every member that type carries and
/// no other (<see cref="EventShapes"/>), whose subject is the one its data make, and which refers only to
/// entities an earlier entry created (a commitment's plan and institutions, an organisation's or a
/// participation change's party).
/// </para>
/// <para>
/// A <c>representative.removed</c> event ends the representative its subject names: it leaves the state (the portal
/// must no longer show it), and ending one no earlier entry appointed is a problem.
/// </para>
/// <para>
/// An event's data is the complete public state of its subject, so the latest one about a subject is its
/// state. An entry that is not canonical but has a canonical form is replayed as that form; one that refers
/// to an entity no earlier entry created still sets its subject's state (so the comparison with the portal
/// stays meaningful); an entry of no known shape, or whose subject is not its data's, sets nothing.
/// </para>
/// <para>
/// Built to be called a million times: two forward-only reads of each entry (the canonical check, then its
/// data against the shape of its type), no document built, buffers reused across entries, subjects looked up
/// without allocating a string; an entity's state is copied into a buffer it keeps.
/// </para>
/// </remarks>
public sealed class PublicStateReplay : IVerifiedEntrySink
{
    private readonly Dictionary<string, ReplayedEntity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReplayedEntity>.AlternateLookup<ReadOnlySpan<char>> _bySubject;
    private readonly List<ReplayProblem> _problems = [];
    private readonly CanonicalCheck _canonical = new();
    private readonly AgreementReplay _agreements;
    private readonly EventLayout _layout = new();
    private readonly List<(string? Name, int Index)> _path = [];
    // The top-level members of the entry's data, by position in its shape: byte ranges within the data.
    private readonly (int Start, int Length)[] _top = new (int, int)[32];
    private byte[] _subject = new byte[256];
    private char[] _chars = new char[256];
    private string _type = "";

    public PublicStateReplay()
    {
        _bySubject = _entities.GetAlternateLookup<ReadOnlySpan<char>>();
        State = new PublicState(_entities);
        _agreements = new AgreementReplay(_entities, _problems);
    }

    /// <summary>The replay as the verifier's entry sink: it rebuilds the state while the entries stream past.</summary>
    public ValueTask AddAsync(ReadOnlyMemory<VerifiedEntry> entries, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var entry in entries.Span) Apply(entry.Index, entry.Bytes.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>How many entries have been applied; the next one's index.</summary>
    public long Count { get; private set; }

    /// <summary>The entries that could not be replayed as they are, in index order.</summary>
    public IReadOnlyList<ReplayProblem> Problems => _problems;

    /// <summary>The state so far (the same object throughout; it grows as entries are applied).</summary>
    public PublicState State { get; }

    /// <summary>Applies entry <paramref name="index"/>; entries come in index order from 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not <see cref="Count"/>.</exception>
    public void Apply(long index, ReadOnlySpan<byte> eventBytes)
    {
        if (index != Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"Entries are replayed in index order; the next is {Count}.");
        Count++;

        if (_canonical.IsCanonical(eventBytes, _layout))
        {
            Replay(index, eventBytes);
            return;
        }
        if (Canonicalize(index, eventBytes) is not { } canonical) return;
        if (_canonical.IsCanonical(canonical, _layout)) Replay(index, canonical);
        // The two readers are held to the same answers by the tests; should they ever disagree, say so rather than skip the entry silently.
        else Problem(index, "could not be replayed: the verifier's canonical check refuses the strict reader's canonical form of it");
    }

    /// <summary>
    /// Asks the strict reader why bytes the fast check refused are not canonical, and reports it; returns the
    /// canonical form to replay, or null when there is none (not JSON; a duplicate member has no one meaning).
    /// </summary>
    private byte[]? Canonicalize(long index, ReadOnlySpan<byte> bytes)
    {
        byte[] canonical;
        try
        {
            canonical = CanonicalJson.Canonicalize(bytes.ToArray());
        }
        catch (CanonicalJsonException e)
        {
            Problem(index, e.InnerException is JsonException ? $"is not JSON: {e.Message}" : $"is not canonical JSON: it has no canonical form ({e.Message})");
            return null;
        }
        // The strict reader has the last word: should it find the bytes canonical after all, there is no problem.
        if (!canonical.AsSpan().SequenceEqual(bytes))
            Problem(index, $"is not canonical JSON (RFC 8785): it differs from its canonical form from byte {bytes.CommonPrefixLength(canonical)}");
        return canonical;
    }

    private void Replay(long index, ReadOnlySpan<byte> entry)
    {
        var layout = _layout;
        if (!layout.RootIsObject)
        {
            Problem(index, "is not an event: a JSON object is expected");
            return;
        }
        foreach (var (start, length) in layout.Unknown)
            Problem(index, $"has a member \"{Encoding.UTF8.GetString(entry.Slice(start, length))}\" that no event has");

        var sound = Member(index, "type", entry, layout.Type, (byte)'"', "a string")
            & Member(index, "time", entry, layout.Time, (byte)'"', "a string")
            & Member(index, "actor", entry, layout.Actor, (byte)'{', "an object")
            & Member(index, "subject", entry, layout.Subject, (byte)'"', "a string")
            & Member(index, "data", entry, layout.Data, (byte)'{', "an object");
        if (layout.Time.Length > 0 && entry[layout.Time.Start] == (byte)'"' && !IsTime(Inner(entry, layout.Time)))
            Problem(index, $"time {Text(entry, layout.Time)} is not a UTC time in RFC 3339 ending in Z");
        if (!sound) return;

        var type = Inner(entry, layout.Type);
        EntityKind kind;
        EventShape shape;
        if (type.SequenceEqual("commitment.imported"u8)) (kind, shape, _type) = (EntityKind.Commitment, EventShapes.Commitment, "commitment.imported");
        else if (type.SequenceEqual("organization.imported"u8)) (kind, shape, _type) = (EntityKind.Organization, EventShapes.Organization, "organization.imported");
        else if (type.SequenceEqual("party.imported"u8)) (kind, shape, _type) = (EntityKind.Party, EventShapes.Party, "party.imported");
        else if (type.SequenceEqual("participation.changed"u8)) (kind, shape, _type) = (EntityKind.Participation, EventShapes.Participation, "participation.changed");
        else if (type.SequenceEqual("plan.imported"u8)) (kind, shape, _type) = (EntityKind.Plan, EventShapes.Plan, "plan.imported");
        else if (type.SequenceEqual("forum.imported"u8)) (kind, shape, _type) = (EntityKind.Forum, EventShapes.Forum, "forum.imported");
        else if (type.SequenceEqual("representative.appointed"u8))
            (kind, shape, _type) = (EntityKind.Representative, EventShapes.RepresentativeAppointed, "representative.appointed");
        else if (type.SequenceEqual("representative.removed"u8))
            (kind, shape, _type) = (EntityKind.Representative, EventShapes.RepresentativeRemoved, "representative.removed");
        else if (type.SequenceEqual("incident.published"u8)) (kind, shape, _type) = (EntityKind.Incident, EventShapes.Incident, "incident.published");
        else if (type.SequenceEqual("working-table.opened"u8)) (kind, shape, _type) = (EntityKind.WorkingTable, EventShapes.WorkingTable, "working-table.opened");
        else if (type.SequenceEqual("commitment.version.proposed"u8)) (kind, shape, _type) = (EntityKind.Version, EventShapes.Version, "commitment.version.proposed");
        else if (type.SequenceEqual("amendment.proposed"u8)) (kind, shape, _type) = (EntityKind.Version, EventShapes.Version, "amendment.proposed");
        else if (type.SequenceEqual("commitment.approved"u8)) (kind, shape, _type) = (EntityKind.Vote, EventShapes.Vote, "commitment.approved");
        else if (type.SequenceEqual("commitment.objected"u8)) (kind, shape, _type) = (EntityKind.Vote, EventShapes.Vote, "commitment.objected");
        else if (type.SequenceEqual("commitment.agreed"u8)) (kind, shape, _type) = (EntityKind.Commitment, EventShapes.CommitmentAgreed, "commitment.agreed");
        else if (type.SequenceEqual("amendment.agreed"u8)) (kind, shape, _type) = (EntityKind.Commitment, EventShapes.CommitmentAgreed, "amendment.agreed");
        else if (type.SequenceEqual("progress.reported"u8)) (kind, shape, _type) = (EntityKind.Progress, EventShapes.ProgressReported, "progress.reported");
        else if (type.SequenceEqual("progress.disputed"u8)) (kind, shape, _type) = (EntityKind.Dispute, EventShapes.Dispute, "progress.disputed");
        else if (type.SequenceEqual("progress.dispute.answered"u8)) (kind, shape, _type) = (EntityKind.Dispute, EventShapes.Dispute, "progress.dispute.answered");
        else if (type.SequenceEqual("plan.stage.proposed"u8)) (kind, shape, _type) = (EntityKind.StageProposal, EventShapes.StageProposed, "plan.stage.proposed");
        else if (type.SequenceEqual("plan.stage.approved"u8)) (kind, shape, _type) = (EntityKind.StageVote, EventShapes.StageVote, "plan.stage.approved");
        else if (type.SequenceEqual("plan.stage.objected"u8)) (kind, shape, _type) = (EntityKind.StageVote, EventShapes.StageVote, "plan.stage.objected");
        else if (type.SequenceEqual("plan.stage.changed"u8)) (kind, shape, _type) = (EntityKind.Plan, EventShapes.PlanStageChanged, "plan.stage.changed");
        else
        {
            Problem(index, $"has an unknown event type {Text(entry, layout.Type)}");
            return;
        }

        var data = entry.Slice(layout.Data.Start, layout.Data.Length);
        _path.Clear();
        _path.Add(("data", -1));
        var reader = new Utf8JsonReader(data);
        reader.Read();
        if (!Conforms(index, ref reader, shape)) return;

        var subject = entry.Slice(layout.Subject.Start, layout.Subject.Length);
        if (!SubjectMatches(index, kind, ReferenceEquals(shape, EventShapes.CommitmentAgreed), subject, data)) return;

        // Co-creation and agreement are checked against what came before (versions, signatures, every party's approval).
        // An import's commitment is looked at only once the record has co-created ones: the replay of a million imports stays as cheap as it was.
        if (kind is EntityKind.Version or EntityKind.Vote || (kind == EntityKind.Commitment && (ReferenceEquals(shape, EventShapes.CommitmentAgreed) || _agreements.Any)))
            _agreements.Check(index, _type, Unquote(subject), data, _top);
        // A plan's stage moves by every party's signed approval; an import must not move it afterwards.
        else if (kind is EntityKind.StageProposal or EntityKind.StageVote || (kind == EntityKind.Plan && (ReferenceEquals(shape, EventShapes.PlanStageChanged) || _agreements.AnyStage)))
            _agreements.CheckStage(index, _type, data);

        var subjectChars = Chars(subject[1..^1], out var subjectText);
        if (ReferenceEquals(shape, EventShapes.RepresentativeRemoved))
        {
            // An ended appointment is no longer public state: the portal must stop showing it.
            if (_bySubject.TryGetValue(subjectChars, out var ended) && ended.Kind == EntityKind.Representative) _entities.Remove(ended.Subject);
            else Problem(index, $"ends {subjectChars}, which no earlier entry appointed (or one already ended it)");
            return;
        }
        if (_bySubject.TryGetValue(subjectChars, out var entity)) entity.Set(index, data);
        else
        {
            subjectText ??= subjectChars.ToString();
            _entities.Add(subjectText, new ReplayedEntity(subjectText, kind, index, data));
        }
    }

    private bool Member(long index, string name, ReadOnlySpan<byte> entry, (int Start, int Length) range, byte first, string kind)
    {
        if (range.Length < 0) Problem(index, $"has no \"{name}\" member");
        else if (entry[range.Start] != first) Problem(index, $"{name} must be {kind}, not {Describe(entry[range.Start])}");
        else return true;
        return false;
    }

    /// <summary>
    /// Whether the value at the reader has <paramref name="shape"/>, reporting every place where it does not
    /// and every entity it names that no earlier entry created. Leaves the reader on the value's last token.
    /// </summary>
    private bool Conforms(long index, ref Utf8JsonReader reader, EventShape shape)
    {
        if (!shape.KindMatches(ref reader))
        {
            Problem(index, $"{PathText()} must be {shape.KindName}, not {Describe(ref reader)} (in a {_type} event)");
            reader.Skip();
            return false;
        }
        var sound = true;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                // Every shape has fewer than 32 members: one bit each for "seen".
                var seen = 0;
                var expected = 0;
                var top = _path.Count == 1;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var i = shape.IndexOf(reader.ValueSpan, expected);
                    if (i < 0)
                    {
                        _path.Add((reader.GetString(), -1));
                        Problem(index, $"{PathText()} is not a member of a {_type} event");
                        _path.RemoveAt(_path.Count - 1);
                        reader.Read();
                        reader.Skip();
                        sound = false;
                        continue;
                    }
                    seen |= 1 << i;
                    expected = i + 1;
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    _path.Add((shape.Members[i].Name, -1));
                    sound &= Conforms(index, ref reader, shape.Members[i].Shape);
                    _path.RemoveAt(_path.Count - 1);
                    if (top) _top[i] = (start, (int)reader.BytesConsumed - start);
                }
                for (var i = 0; i < shape.Members.Length; i++)
                {
                    if ((seen & (1 << i)) != 0) continue;
                    _path.Add((shape.Members[i].Name, -1));
                    Problem(index, $"{PathText()} is missing (a {_type} event carries it, null when unknown)");
                    _path.RemoveAt(_path.Count - 1);
                    sound = false;
                }
                break;
            case JsonTokenType.StartArray:
                var item = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _path.Add((null, item++));
                    sound &= Conforms(index, ref reader, shape.Item!);
                    _path.RemoveAt(_path.Count - 1);
                }
                break;
            case JsonTokenType.String:
            case JsonTokenType.Number:
                if (shape.RefersTo is { } prefix) Refers(index, prefix, reader.ValueSpan, reader.ValueIsEscaped);
                break;
            default:
                break;
        }
        return sound;
    }

    /// <summary>Reports <paramref name="raw"/> (a string's raw text or a number's digits) when no earlier entry created <c>prefix + raw</c>.</summary>
    private void Refers(long index, string prefix, ReadOnlySpan<byte> raw, bool escaped)
    {
        var length = prefix.Length + Encoding.UTF8.GetMaxCharCount(raw.Length);
        if (_chars.Length < length) _chars = new char[Math.Max(length, _chars.Length * 2)];
        prefix.CopyTo(_chars);
        var referred = _chars.AsSpan(0, prefix.Length + Decode(raw, escaped, _chars.AsSpan(prefix.Length)));
        if (!_bySubject.ContainsKey(referred))
            Problem(index, $"{PathText()} names {referred}, which no earlier entry created");
    }

    /// <summary>Whether the subject is the one the data make (<c>commitment/</c> and the code, …), compared as raw UTF-8.</summary>
    private bool SubjectMatches(long index, EntityKind kind, bool agreed, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> data)
    {
        var length = 0;
        Append(ref length, "\""u8);
        switch (kind)
        {
            case EntityKind.Forum:
                Append(ref length, "forum"u8);
                break;
            case EntityKind.Party:
                Append(ref length, "party/"u8);
                Append(ref length, Inner(data, _top[EventShapes.PartyKey]));
                break;
            case EntityKind.Organization:
                Append(ref length, "organization/"u8);
                Append(ref length, Inner(data, _top[EventShapes.OrganizationShortName]));
                break;
            case EntityKind.Participation:
                Append(ref length, "participation/"u8);
                Append(ref length, Inner(data, _top[EventShapes.ParticipationParty]));
                Append(ref length, "/"u8);
                Append(ref length, Inner(data, _top[EventShapes.ParticipationDate]));
                Append(ref length, "/"u8);
                Append(ref length, Inner(data, _top[EventShapes.ParticipationStatus]));
                break;
            case EntityKind.Plan:
                Append(ref length, "plan/"u8);
                // A canonical whole number is its digits.
                Append(ref length, data.Slice(_top[EventShapes.PlanNumber].Start, _top[EventShapes.PlanNumber].Length));
                break;
            case EntityKind.Commitment:
                Append(ref length, "commitment/"u8);
                Append(ref length, Inner(data, _top[agreed ? EventShapes.AgreedCode : EventShapes.CommitmentCode]));
                break;
            case EntityKind.Progress:
                Append(ref length, "progress/"u8);
                Append(ref length, Inner(data, _top[EventShapes.ProgressId]));
                break;
            case EntityKind.Dispute:
                Append(ref length, "dispute/"u8);
                Append(ref length, Inner(data, _top[EventShapes.DisputeId]));
                break;
            case EntityKind.WorkingTable:
                Append(ref length, "working-table/"u8);
                Append(ref length, Inner(data, _top[EventShapes.TableId]));
                break;
            case EntityKind.Version:
                Append(ref length, "commitment/"u8);
                Append(ref length, Inner(data, _top[EventShapes.VersionCommitment]));
                Append(ref length, "/version/"u8);
                Append(ref length, data.Slice(_top[EventShapes.VersionNumber].Start, _top[EventShapes.VersionNumber].Length));
                break;
            case EntityKind.Vote:
                Append(ref length, "commitment/"u8);
                Append(ref length, Inner(data, _top[EventShapes.VoteCommitment]));
                Append(ref length, "/version/"u8);
                Append(ref length, data.Slice(_top[EventShapes.VoteVersion].Start, _top[EventShapes.VoteVersion].Length));
                AppendVoteUnit(ref length, data, EventShapes.VoteParty, EventShapes.VoteOrganization);
                break;
            case EntityKind.StageProposal:
                Append(ref length, "plan/"u8);
                Append(ref length, data.Slice(_top[EventShapes.StagePlan].Start, _top[EventShapes.StagePlan].Length));
                Append(ref length, "/stage/"u8);
                Append(ref length, data.Slice(_top[EventShapes.StageProposal].Start, _top[EventShapes.StageProposal].Length));
                break;
            case EntityKind.StageVote:
                Append(ref length, "plan/"u8);
                Append(ref length, data.Slice(_top[EventShapes.StageVotePlan].Start, _top[EventShapes.StageVotePlan].Length));
                Append(ref length, "/stage/"u8);
                Append(ref length, data.Slice(_top[EventShapes.StageVoteProposal].Start, _top[EventShapes.StageVoteProposal].Length));
                AppendVoteUnit(ref length, data, EventShapes.StageVoteParty, EventShapes.StageVoteOrganization);
                break;
            case EntityKind.Representative:
                Append(ref length, "representative/"u8);
                Append(ref length, Inner(data, _top[_type == "representative.removed" ? EventShapes.RemovedAppointment : EventShapes.AppointedAppointment]));
                break;
            case EntityKind.Incident:
                Append(ref length, "incident/"u8);
                Append(ref length, Inner(data, _top[EventShapes.IncidentId]));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
        Append(ref length, "\""u8);

        // Escapes are per character in canonical JSON, so the raw parts make the raw whole.
        var expected = _subject.AsSpan(0, length);
        if (expected.SequenceEqual(subject)) return true;
        Problem(index, $"its subject {Quoted(Unquote(subject))} is not the one its data make, {Quoted(Unquote(expected))}");
        return false;
    }

    /// <summary>A vote's subject ends in <c>/vote/PARTY</c>, and <c>/ORGANIZATION</c> when the organisation votes (not null).</summary>
    private void AppendVoteUnit(ref int length, ReadOnlySpan<byte> data, int party, int organization)
    {
        Append(ref length, "/vote/"u8);
        Append(ref length, Inner(data, _top[party]));
        if (data[_top[organization].Start] != (byte)'"') return;
        Append(ref length, "/"u8);
        Append(ref length, Inner(data, _top[organization]));
    }

    /// <summary>A string's raw text as characters, decoded into a reused buffer; <paramref name="text"/> is set only when it had to be allocated.</summary>
    private ReadOnlySpan<char> Chars(ReadOnlySpan<byte> raw, out string? text)
    {
        text = null;
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            text = Unquote(raw, quoted: false);
            return text;
        }
        var length = Encoding.UTF8.GetMaxCharCount(raw.Length);
        if (_chars.Length < length) _chars = new char[Math.Max(length, _chars.Length * 2)];
        return _chars.AsSpan(0, Encoding.UTF8.GetChars(raw, _chars));
    }

    private static int Decode(ReadOnlySpan<byte> raw, bool escaped, Span<char> destination)
    {
        if (!escaped) return Encoding.UTF8.GetChars(raw, destination);
        // An escaped control character in a name: rare enough to allocate.
        var text = Unquote(raw, quoted: false);
        text.CopyTo(destination);
        return text.Length;
    }

    private void Append(ref int length, ReadOnlySpan<byte> bytes)
    {
        if (_subject.Length < length + bytes.Length) Array.Resize(ref _subject, Math.Max(length + bytes.Length, _subject.Length * 2));
        bytes.CopyTo(_subject.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>A string value's raw text, without its quotes.</summary>
    private static ReadOnlySpan<byte> Inner(ReadOnlySpan<byte> json, (int Start, int Length) range) => json.Slice(range.Start + 1, range.Length - 2);

    /// <summary>A string value as text with its quotes, for a message.</summary>
    private static string Text(ReadOnlySpan<byte> json, (int Start, int Length) range) => Quoted(Unquote(json.Slice(range.Start, range.Length)));

    /// <summary>Text as a JSON string for a message: quotes and controls escaped, everything else (<c>+</c>, <c>é</c>) as itself.</summary>
    private static string Quoted(string text) => JsonSerializer.Serialize(text, Messages);

    private static readonly JsonSerializerOptions Messages = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Unquote(ReadOnlySpan<byte> raw, bool quoted = true)
    {
        var reader = new Utf8JsonReader(quoted ? raw : [.. "\""u8, .. raw, .. "\""u8]);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>Whether the time is <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> (up to 7 fraction digits), as <c>RecordEvent.FormatTime</c> writes it.</summary>
    private static bool IsTime(ReadOnlySpan<byte> t)
    {
        // By hand: DateTime.TryParseExact would cost more than the rest of a small entry's replay.
        if (t.Length < 20 || t[^1] != (byte)'Z' || t[4] != (byte)'-' || t[7] != (byte)'-' || t[10] != (byte)'T' || t[13] != (byte)':' || t[16] != (byte)':')
            return false;
        if (t.Length > 20 && (t[19] != (byte)'.' || t.Length > 28 || t.Length == 21 || t[20..^1].ContainsAnyExceptInRange((byte)'0', (byte)'9')))
            return false;
        if (!TryDigits(t[..4], out var year) || !TryDigits(t.Slice(5, 2), out var month) || !TryDigits(t.Slice(8, 2), out var day)
            || !TryDigits(t.Slice(11, 2), out var hour) || !TryDigits(t.Slice(14, 2), out var minute) || !TryDigits(t.Slice(17, 2), out var second))
            return false;
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour < 24 && minute < 60 && second < 60;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + d - '0';
        }
        return true;
    }

    private string PathText() =>
        _path.Aggregate("", (text, segment) => segment.Name is null
            ? string.Create(CultureInfo.InvariantCulture, $"{text}[{segment.Index}]")
            : JsonErrors.Member(text, segment.Name));

    private void Problem(long index, string message) => _problems.Add(new ReplayProblem(index, message));

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => "the number " + Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.String => "a string",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };

    private static string Describe(byte first) => first switch
    {
        (byte)'{' => "an object",
        (byte)'[' => "an array",
        (byte)'"' => "a string",
        (byte)'t' or (byte)'f' => "a boolean",
        (byte)'n' => "null",
        _ => "a number",
    };
}

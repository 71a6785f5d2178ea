using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Pacta.Core.Data;

internal sealed class PartialDateConverter() : ValueConverter<PartialDate, string>(
    date => date.ToString(),
    text => PartialDate.Parse(text));

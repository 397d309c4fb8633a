using System.Buffers;
using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// How every service reads a JSON request: enums only by name, numbers only within range, no null where the record
/// says a value is required and no null element in a list, at most <see cref="RequestLimits.MaxJsonDepth"/> deep.
/// Each refusal is a <see cref="RequestRefusedException"/> with a stable code; answers are written as before.
/// </summary>
public static class RequestJson
{
    /// <summary>
    /// The largest magnitude of any decimal in a request (an amount, a price, a percent): a trillion. Nothing in a store
    /// comes near it, and a bigger number would overflow totals on the way (decimal holds 7.9e28; 1e30 does not fit).
    /// </summary>
    public const decimal MaxDecimal = 1_000_000_000_000m;

    public static void Configure(JsonSerializerOptions options)
    {
        options.MaxDepth = RequestLimits.MaxJsonDepth;
        options.Converters.Add(new NamedEnumConverterFactory());
        options.Converters.Add(new BoundedInt32Converter());
        options.Converters.Add(new BoundedInt64Converter());
        options.Converters.Add(new BoundedDecimalConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RefuseMissingValues);
    }

    /// <summary>
    /// After one of our records is read: a member declared non-nullable must hold a value (sent as null or left out, it
    /// would be a NullReferenceException later), and no list may hold a null element (<c>"lines":[null]</c>).
    /// </summary>
    private static void RefuseMissingValues(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace?.StartsWith("OmniChannel", StringComparison.Ordinal) != true)
            return;
        var nullability = new NullabilityInfoContext();
        var required = new List<JsonPropertyInfo>();
        var lists = new List<JsonPropertyInfo>();
        foreach (var property in typeInfo.Properties.Where(p => p.Get is not null))
        {
            if (!property.PropertyType.IsValueType && property.AttributeProvider is PropertyInfo info
                && nullability.Create(info).ReadState == NullabilityState.NotNull)
                required.Add(property);
            if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
                lists.Add(property);
        }
        if (required.Count == 0 && lists.Count == 0)
            return;

        var earlier = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var property in required)
            {
                if (property.Get!(value) is null)
                    throw new RequestRefusedException("value.required", $"'{property.Name}' is required.");
            }
            foreach (var property in lists)
            {
                if (property.Get!(value) is IEnumerable items && items.Cast<object?>().Any(item => item is null))
                    throw new RequestRefusedException("value.null_element", $"'{property.Name}' holds a null element.");
            }
        };
    }
}

/// <summary>An enum only by one of its names (any case): not a number (<c>-1</c>, <c>"7"</c>), not a combination.</summary>
internal sealed class NamedEnumConverterFactory : JsonConverterFactory
{
    private static readonly JsonStringEnumConverter Names = new(allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NamedEnumConverter<>).MakeGenericType(typeToConvert), Names.CreateConverter(typeToConvert, options))!;
}

internal sealed class NamedEnumConverter<T>(JsonConverter names) : JsonConverter<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> Values = Enum.GetNames<T>().ToDictionary(n => n, Enum.Parse<T>, StringComparer.OrdinalIgnoreCase);

    // Answers are written as JsonStringEnumConverter writes them.
    private readonly JsonConverter<T> written = (JsonConverter<T>)names;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && Values.TryGetValue(name, out var value)
            ? value
            : throw new RequestRefusedException("enum.unknown", $"One of: {string.Join(", ", Values.Keys)}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => written.Write(writer, value, options);

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        written.ReadAsPropertyName(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        written.WriteAsPropertyName(writer, value, options);
}

/// <summary>Numbers as JSON numbers, within their type (and decimals within <see cref="RequestJson.MaxDecimal"/>): <c>number.out_of_range</c> otherwise.</summary>
internal abstract class BoundedNumberConverter<T> : JsonConverter<T> where T : struct
{
    private static readonly JsonConverter<T> Default = (JsonConverter<T>)JsonSerializerOptions.Default.GetConverter(typeof(T));

    protected abstract bool TryRead(ref Utf8JsonReader reader, out T value);

    protected abstract string Range { get; }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException(); // a string, NaN or Infinity included: System.Text.Json's message, code request.invalid
        return TryRead(ref reader, out var value) ? value : throw new RequestRefusedException("number.out_of_range", $"A number here is {Range}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => Default.Write(writer, value, options);

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Default.ReadAsPropertyName(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        Default.WriteAsPropertyName(writer, value, options);
}

internal sealed class BoundedInt32Converter : BoundedNumberConverter<int>
{
    protected override string Range => $"a whole number from {int.MinValue} to {int.MaxValue}";

    protected override bool TryRead(ref Utf8JsonReader reader, out int value) => reader.TryGetInt32(out value);
}

internal sealed class BoundedInt64Converter : BoundedNumberConverter<long>
{
    protected override string Range => $"a whole number from {long.MinValue} to {long.MaxValue}";

    protected override bool TryRead(ref Utf8JsonReader reader, out long value) => reader.TryGetInt64(out value);
}

internal sealed class BoundedDecimalConverter : BoundedNumberConverter<decimal>
{
    protected override string Range => $"between -{RequestJson.MaxDecimal:0} and {RequestJson.MaxDecimal:0}, and 0 or at least 1e-28 in size";

    /// <summary>Within range, and not a number too small for a decimal (1e-30), which would be read as 0: a price of nothing.</summary>
    protected override bool TryRead(ref Utf8JsonReader reader, out decimal value) =>
        reader.TryGetDecimal(out value) && Math.Abs(value) <= RequestJson.MaxDecimal && (value != 0 || IsZero(reader));

    private static bool IsZero(Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> number = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        foreach (var digit in number)
        {
            if (digit is (byte)'e' or (byte)'E')
                return true; // only the mantissa's digits say whether it is zero
            if (digit is >= (byte)'1' and <= (byte)'9')
                return false;
        }
        return true;
    }
}

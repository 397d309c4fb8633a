using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ServiceDefaults.OpenApi;

/// <summary>
/// Schemas as <see cref="RequestJson"/> reads bodies, which the schema generator cannot see through its converters:
/// <list type="bullet">
/// <item>a member of one of our records is <c>required</c> when it is declared non-nullable (a value type, or a reference
/// without <c>?</c>: those are refused as null or missing, <c>value.required</c>) and has no default (a parameter's
/// <c>= value</c>, or an initializer a reference keeps when the member is left out); a nullable one may be left out, even
/// as a constructor parameter without a default;</item>
/// <item>whole numbers are integers and decimals numbers, as JSON numbers only, decimals within
/// ±<see cref="RequestJson.MaxDecimal"/> (<c>number.out_of_range</c>);</item>
/// <item>an enum is one of its names (<c>enum.unknown</c> otherwise).</item>
/// </list>
/// </summary>
internal sealed class RequestSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        var nullable = valueType != type;
        if (valueType.IsEnum)
        {
            // A component of its own: where a member may be null, the generator wraps its reference in oneOf with null.
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. Enum.GetNames(valueType).Select(name => (JsonNode)JsonValue.Create(name))];
        }
        else if (valueType == typeof(int) || valueType == typeof(long))
        {
            schema.Type = JsonSchemaType.Integer | (nullable ? JsonSchemaType.Null : 0);
            schema.Format = valueType == typeof(int) ? "int32" : "int64";
        }
        else if (valueType == typeof(decimal))
        {
            schema.Type = JsonSchemaType.Number | (nullable ? JsonSchemaType.Null : 0);
            schema.Maximum = RequestJson.MaxDecimal.ToString(CultureInfo.InvariantCulture);
            schema.Minimum = (-RequestJson.MaxDecimal).ToString(CultureInfo.InvariantCulture);
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && type.Namespace?.StartsWith("OmniChannel", StringComparison.Ordinal) == true)
        {
            schema.Required = Required(context.JsonTypeInfo);
            if (schema.Required.Count == 0)
                schema.Required = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>The JSON names of the members a body must hold: those declared non-nullable, without a default, that a body sets.</summary>
    internal static HashSet<string> Required(JsonTypeInfo typeInfo)
    {
        var nullability = new NullabilityInfoContext();
        // What a member holds when a body leaves it out (a type read through its parameterless constructor keeps its initializers).
        var leftOut = typeInfo.CreateObject?.Invoke();
        return typeInfo.Properties
            .Where(p => p.Set is not null || p.AssociatedParameter is not null)
            .Where(p => p.AssociatedParameter is not { HasDefaultValue: true })
            .Where(p => p.PropertyType.IsValueType || leftOut is null || p.Get?.Invoke(leftOut) is null)
            .Where(p => p.PropertyType.IsValueType
                ? Nullable.GetUnderlyingType(p.PropertyType) is null
                : p.AttributeProvider switch
                {
                    PropertyInfo property => nullability.Create(property).WriteState == NullabilityState.NotNull,
                    FieldInfo field => nullability.Create(field).WriteState == NullabilityState.NotNull,
                    _ => false,
                })
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
    }
}

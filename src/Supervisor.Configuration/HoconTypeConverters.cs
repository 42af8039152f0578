using System.ComponentModel;
using System.Globalization;

namespace Supervisor.Configuration;

/// <summary>
/// Teaches the configuration binder HOCON's spellings: durations such as <c>30s</c> for <see cref="TimeSpan"/>
/// (the binder alone only reads <c>hh:mm:ss</c>) and <c>on/off/yes/no</c> for <see cref="bool"/>. The converters
/// are process-wide (TypeDescriptor), so registering is opt-in; both still accept what the defaults accept.
/// </summary>
public static class HoconTypeConverters
{
    private static int _registered;

    /// <summary>Registers the converters once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationConverter)));
            TypeDescriptor.AddAttributes(typeof(bool), new TypeConverterAttribute(typeof(SwitchConverter)));
        }
    }

    /// <summary><see cref="TimeSpan"/> from <c>hh:mm:ss</c> or a HOCON duration.</summary>
    public sealed class DurationConverter : TimeSpanConverter
    {
        /// <inheritdoc />
        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            value is string text && !TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _)
                ? HoconDuration.Parse(text)
                : base.ConvertFrom(context, culture, value);
    }

    /// <summary><see cref="bool"/> from true/false or HOCON's yes/no/on/off.</summary>
    public sealed class SwitchConverter : BooleanConverter
    {
        /// <inheritdoc />
        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
        {
            "yes" or "on" => true,
            "no" or "off" => false,
            _ => base.ConvertFrom(context, culture, value),
        };
    }
}

using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Governance.Core.Brands.Json;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace Governance.Core.Brands;

/// <summary>
/// Reads and writes brands, and a whole <see cref="BrandRegistry"/> (brands and adoptions), as JSON. Reading throws only
/// <see cref="DataValidationException"/>, listing every problem with its JSON path (<c>$.brands[1].channels[2]</c>);
/// nothing is built when it throws. Comments and trailing commas are allowed; unknown properties and properties given
/// twice are errors, since brand files are written by hand.
/// </summary>
/// <remarks>
/// <para>A brand (every property required but <c>description</c>, <c>serviceLevels</c> and <c>liaison</c>):</para>
/// <code>
/// {
///   "id": "youshi-ninzhaowo", "name": "有事您找我", "version": 1, "description": "…",
///   "channels": ["PropertyHotline", "Hotline12345"],          // Channel names; the first is the front door
///   "firstContact": "PropertyCompanyTakesEverything",         // FirstContactRule name
///   "serviceLevels": { "whistleReportMinutes": 30 },          // a service-level policy file (ServiceLevelPolicyJson); absent: the default
///   "escalationChain": ["PropertyCompany", "Community", "StreetLevel", "DistrictDepartment"],
///   "liaison": { "minHouseholds": 5, "maxHouseholds": 10 }    // LiaisonOptions, camelCase; absent properties keep their defaults
/// }
/// </code>
/// <para>A registry: <c>{"formatVersion": 1, "brands": [ … ], "adoptions": [{"unit": "beiyuan", "from": "2022-06-01",
/// "brand": "youshi-ninzhaowo", "version": 1}, {"unit": "…", "from": "2023-01-01"}]}</c>; an adoption without
/// <c>brand</c> is a withdrawal, and one with a brand names a version listed in <c>brands</c>. Dates are
/// <c>yyyy-MM-dd</c>. The calendar of the service levels is not written: it is read onto the calendar the caller gives
/// (<see cref="WorkingCalendar.Default"/> by default).</para>
/// </remarks>
public static class BrandJson
{
    /// <summary>The registry format version this library reads and writes.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions WriteOptions = new(BrandJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly BrandJsonContext WriteContext = new(WriteOptions);

    /// <summary>Reads one brand; its service levels go onto <paramref name="calendar"/> (default <see cref="WorkingCalendar.Default"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DataValidationException">The text is not a valid brand; every error names its JSON path.</exception>
    public static Brand Parse(string json, WorkingCalendar? calendar = null)
    {
        Preconditions.CheckNotNull(json);
        var dto = Deserialize(json, BrandJsonContext.Default.BrandDto, "brand")
            ?? throw new DataValidationException("brand", [new DataError("$", null, "the document is null; a brand is a JSON object")]);
        var errors = new List<DataError>();
        var brand = Read(dto, "$", calendar ?? WorkingCalendar.Default, errors);
        return errors.Count > 0 ? throw new DataValidationException("brand", errors) : brand!;
    }

    /// <summary>Writes one brand, indented; <see cref="Parse"/> reads it back to a brand with the same id, version, text and settings (on the default calendar).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="brand"/> is null.</exception>
    public static string Serialize(Brand brand) =>
        JsonSerializer.Serialize(ToDto(Preconditions.CheckNotNull(brand)), WriteContext.BrandDto);

    /// <summary>
    /// Reads a registry document (format in the remarks) into a new <see cref="BrandRegistry"/> over
    /// <paramref name="chart"/>, with <paramref name="clock"/> and <paramref name="fallback"/> as its constructor takes them.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/>, <paramref name="chart"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="DataValidationException">
    /// The document is not valid: malformed JSON, a wrong format version, a brand that breaks a rule or is listed twice,
    /// an adoption whose unit is not in the chart, whose brand version is not listed, or whose unit and date repeat
    /// another's. Every error names its JSON path.
    /// </exception>
    public static BrandRegistry LoadRegistry(string json, Chart chart, IClock clock, WorkingCalendar? calendar = null, ServiceLevelPolicy? fallback = null)
    {
        Preconditions.CheckNotNull(json);
        Preconditions.CheckNotNull(chart);
        Preconditions.CheckNotNull(clock);
        calendar ??= WorkingCalendar.Default;
        var dto = Deserialize(json, BrandJsonContext.Default.BrandRegistryDto, "brand registry")
            ?? throw new DataValidationException("brand registry", [new DataError("$", null, "the document is null; a registry is a JSON object")]);
        var errors = new List<DataError>();
        if (dto.FormatVersion != FormatVersion)
        {
            errors.Add(new DataError("$.formatVersion", null, $"the format version is {FormatVersion}; got {dto.FormatVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"));
        }

        var brands = new Dictionary<(BrandId, int), Brand>();
        var order = new List<Brand>();
        foreach (var (b, i) in (dto.Brands ?? []).Select((b, i) => (b, i)))
        {
            var path = $"$.brands[{i}]";
            if (b is null)
            {
                errors.Add(new DataError(path, null, "the brand is null"));
                continue;
            }

            if (Read(b, path, calendar, errors) is not { } brand)
            {
                continue;
            }

            if (!brands.TryAdd((brand.Id, brand.Version), brand))
            {
                errors.Add(new DataError(path + ".version", brand.Id.Value, $"{brand} is listed twice"));
                continue;
            }

            order.Add(brand);
        }

        var adoptions = new List<(UnitId Unit, LocalDate From, Brand? Brand)>();
        var dated = new HashSet<(UnitId, LocalDate)>();
        foreach (var (a, i) in (dto.Adoptions ?? []).Select((a, i) => (a, i)))
        {
            var path = $"$.adoptions[{i}]";
            if (a is null)
            {
                errors.Add(new DataError(path, null, "the adoption is null"));
                continue;
            }

            var ok = true;
            if (string.IsNullOrEmpty(a.Unit) || !chart.TryGetUnit(new UnitId(a.Unit), out _))
            {
                errors.Add(new DataError(path + ".unit", a.Unit, a.Unit is null ? "the unit is missing" : "the unit is not in the chart"));
                ok = false;
            }

            var from = LocalDatePattern.Iso.Parse(a.From ?? string.Empty);
            if (!from.Success)
            {
                errors.Add(new DataError(path + ".from", a.Unit, $"'{a.From}' is not a date (yyyy-MM-dd)"));
                ok = false;
            }

            Brand? brand = null;
            if (a.Brand is null)
            {
                if (a.Version is not null)
                {
                    errors.Add(new DataError(path + ".version", a.Unit, "a withdrawal (no brand) has no version"));
                    ok = false;
                }
            }
            else if (a.Version is not { } version)
            {
                errors.Add(new DataError(path + ".version", a.Unit, $"the version of brand '{a.Brand}' is missing"));
                ok = false;
            }
            else if (!brands.TryGetValue((new BrandId(a.Brand), version), out brand))
            {
                errors.Add(new DataError(path + ".brand", a.Unit, $"brand '{a.Brand}' version {version} is not listed in $.brands"));
                ok = false;
            }

            if (ok && !dated.Add((new UnitId(a.Unit!), from.Value)))
            {
                errors.Add(new DataError(path + ".from", a.Unit, $"unit {a.Unit} has another adoption on {from.Value:yyyy-MM-dd}"));
                ok = false;
            }

            if (ok)
            {
                adoptions.Add((new UnitId(a.Unit!), from.Value, brand));
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException("brand registry", errors);
        }

        var registry = new BrandRegistry(chart, clock, fallback);
        foreach (var brand in order)
        {
            registry.Register(brand);
        }

        foreach (var (unit, from, brand) in adoptions)
        {
            if (brand is null)
            {
                registry.Withdraw(unit, from);
            }
            else
            {
                registry.Adopt(unit, brand, from);
            }
        }

        return registry;
    }

    /// <summary>Writes a registry's brands and adoptions (format in the remarks); <see cref="LoadRegistry"/> reads it back to the same timelines.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    public static string SerializeRegistry(BrandRegistry registry)
    {
        Preconditions.CheckNotNull(registry);
        var dto = new BrandRegistryDto
        {
            FormatVersion = FormatVersion,
            Brands = [.. registry.Brands.Select(ToDto)],
            Adoptions = [.. registry.Adoptions.Select(a => new AdoptionDto
            {
                Unit = a.Unit.Value,
                From = LocalDatePattern.Iso.Format(a.From),
                Brand = a.Brand?.Id.Value,
                Version = a.Brand?.Version,
            })],
        };
        return JsonSerializer.Serialize(dto, WriteContext.BrandRegistryDto);
    }

    private static T? Deserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string subject)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (Exception e) when (JsonReading.IsInputFailure(e))
        {
            throw new DataValidationException(subject, [JsonReading.ToError(e, subject)]);
        }
    }

    private static Brand? Read(BrandDto dto, string path, WorkingCalendar calendar, List<DataError> errors)
    {
        var count = errors.Count;
        var id = dto.Id;
        if (dto.Name is null)
        {
            errors.Add(new DataError(path + ".name", id, "the name is missing"));
        }

        if (dto.Version is null)
        {
            errors.Add(new DataError(path + ".version", id, "the version is missing"));
        }

        var channels = ReadEnums<Channel>(dto.Channels, path + ".channels", id, "channel", errors);
        FirstContactRule firstContact = default;
        if (dto.FirstContact is not null && Enum.GetNames<FirstContactRule>().Contains(dto.FirstContact, StringComparer.Ordinal))
        {
            firstContact = Enum.Parse<FirstContactRule>(dto.FirstContact);
        }
        else
        {
            errors.Add(new DataError(path + ".firstContact", id,
                $"{(dto.FirstContact is null ? "the first-contact rule is missing" : $"'{dto.FirstContact}' is not a first-contact rule")}; expected one of {string.Join(", ", Enum.GetNames<FirstContactRule>())}"));
        }

        var chain = ReadEnums<EscalationStep>(dto.EscalationChain, path + ".escalationChain", id, "escalation step", errors);
        var policy = ServiceLevelPolicy.Default;
        if (dto.ServiceLevels is { } levels)
        {
            try
            {
                policy = ServiceLevelPolicyJson.Parse(levels.GetRawText(), calendar);
            }
            catch (DataValidationException invalid)
            {
                errors.AddRange(invalid.Errors.Select(e => e with { Path = path + ".serviceLevels" + e.Path[1..], Id = e.Id ?? id }));
            }
        }
        else if (!ReferenceEquals(calendar, WorkingCalendar.Default))
        {
            policy = new ServiceLevelPolicyBuilder().WithCalendar(calendar).Build();
        }

        var liaison = LiaisonOptions.Default;
        if (dto.Liaison is { } l)
        {
            liaison = new LiaisonOptions
            {
                MinHouseholds = l.MinHouseholds ?? liaison.MinHouseholds,
                MaxHouseholds = l.MaxHouseholds ?? liaison.MaxHouseholds,
                SameBuildingCost = l.SameBuildingCost ?? liaison.SameBuildingCost,
                SameGridCost = l.SameGridCost ?? liaison.SameGridCost,
                SameCommunityCost = l.SameCommunityCost ?? liaison.SameCommunityCost,
                AcrossCommunitiesCost = l.AcrossCommunitiesCost ?? liaison.AcrossCommunitiesCost,
                AllowAcrossCommunities = l.AllowAcrossCommunities ?? liaison.AllowAcrossCommunities,
            };
        }

        if (errors.Count > count || channels is null || chain is null)
        {
            // Report the rules too where the fields themselves were readable, so one pass shows every problem.
            if (dto.Id is null)
            {
                errors.Add(new DataError(path + ".id", null, "the id is missing"));
            }

            return null;
        }

        var problems = BrandBuilder.Problems(new BrandId(id!), dto.Name!, dto.Version!.Value, channels.Value, firstContact, chain.Value, liaison).ToList();
        errors.AddRange(problems.Select(p => new DataError($"{path}.{p.Setting}", id, p.Message)));
        return problems.Count > 0
            ? null
            : new Brand(new BrandId(id!), dto.Name!, dto.Version!.Value, dto.Description ?? string.Empty, channels.Value, firstContact, policy, chain.Value, liaison);
    }

    private static ImmutableArray<T>? ReadEnums<T>(List<string?>? names, string path, string? id, string what, List<DataError> errors)
        where T : struct, Enum
    {
        if (names is null)
        {
            errors.Add(new DataError(path, id, $"the list of {what}s is missing"));
            return null;
        }

        var values = ImmutableArray.CreateBuilder<T>(names.Count);
        var ok = true;
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            if (name is not null && Enum.GetNames<T>().Contains(name, StringComparer.Ordinal))
            {
                values.Add(Enum.Parse<T>(name));
            }
            else
            {
                errors.Add(new DataError($"{path}[{i}]", id, $"'{name}' is not a {what}; expected one of {string.Join(", ", Enum.GetNames<T>())}"));
                ok = false;
            }
        }

        return ok ? values.MoveToImmutable() : null;
    }

    private static BrandDto ToDto(Brand brand)
    {
        var defaults = LiaisonOptions.Default;
        var l = brand.Liaison;
        return new BrandDto
        {
            Id = brand.Id.Value,
            Name = brand.Name,
            Version = brand.Version,
            Description = brand.Description.Length == 0 ? null : brand.Description,
            Channels = [.. brand.Channels.Select(c => (string?)c.ToString())],
            FirstContact = brand.FirstContact.ToString(),
            ServiceLevels = JsonDocument.Parse(ServiceLevelPolicyJson.Serialize(brand.ServiceLevels)).RootElement.Clone(),
            EscalationChain = [.. brand.EscalationChain.Select(s => (string?)s.ToString())],
            Liaison = l == defaults ? null : new LiaisonDto
            {
                MinHouseholds = l.MinHouseholds,
                MaxHouseholds = l.MaxHouseholds,
                SameBuildingCost = l.SameBuildingCost,
                SameGridCost = l.SameGridCost,
                SameCommunityCost = l.SameCommunityCost,
                AcrossCommunitiesCost = l.AcrossCommunitiesCost,
                AllowAcrossCommunities = l.AllowAcrossCommunities,
            },
        };
    }
}

//! The reading settings: what each control can be set to, how settings are stored, and the
//! attributes on `<html>` that the styles key off. Pure Rust, tested natively.
//!
//! Storage format: `key=value` pairs joined by `;`, where each key is the name of an `<html>`
//! attribute without `data-` and each value that attribute's value, e.g.
//! `contrast=high;text-size=150;align=start;spacing=normal;font=default;links=plain;motion=full`.
//! `crates/app/src/prefs/reading-settings.js` (inlined into `index.html`) applies a stored value before
//! the first paint by reading the same pairs.

/// The step sizes of "Bigger text", in percent of the base size.
pub const TEXT_SIZES: [u16; 6] = [100, 120, 140, 160, 180, 200];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Contrast {
    #[default]
    Default,
    High,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
/// Where lines line up: start and end follow the page's direction (left and right in English,
/// right and left in Arabic).
pub enum Align {
    #[default]
    Start,
    Center,
    End,
}

/// One versioned key: a future format gets a new key instead of misreading this one.
pub const STORAGE_KEY: &str = "clinic-article:reading-settings:v1";

pub const MORE_CONTRAST: &str = "(prefers-contrast: more)";
pub const DARK: &str = "(prefers-color-scheme: dark)";
pub const REDUCED_MOTION: &str = "(prefers-reduced-motion: reduce)";

/// What the operating system can ask for while the reader has saved nothing: a media query,
/// and the setting and value it asks for. Where two ask for the same setting, the first wins:
/// more contrast beats dark.
pub const SYSTEM_WISHES: [(&str, &str, &str); 3] = [
    (MORE_CONTRAST, CONTRAST.0, "high"),
    (DARK, CONTRAST.0, "dark"),
    (REDUCED_MOTION, MOTION.0, "reduce"),
];

/// Which of [`SYSTEM_WISHES`] the operating system matches now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SystemPreferences {
    matched: [bool; SYSTEM_WISHES.len()],
}

impl SystemPreferences {
    /// The wishes whose media query `matches` says the system matches.
    pub fn new(matches: impl Fn(&str) -> bool) -> Self {
        SystemPreferences {
            matched: SYSTEM_WISHES.map(|(query, _, _)| matches(query)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadingSettings {
    pub contrast: Contrast,
    /// One of [`TEXT_SIZES`].
    pub text_size: u16,
    pub align: Align,
    /// WCAG 1.4.12 spacing: taller lines, wider letters, words and paragraphs.
    pub wide_spacing: bool,
    pub readable_font: bool,
    pub highlight_links: bool,
    pub reduce_motion: bool,
}

impl Default for ReadingSettings {
    fn default() -> Self {
        ReadingSettings {
            contrast: Contrast::Default,
            text_size: TEXT_SIZES[0],
            align: Align::Start,
            wide_spacing: false,
            readable_font: false,
            highlight_links: false,
            reduce_motion: false,
        }
    }
}

/// Each setting's attribute name (after `data-`) and its value for each choice.
const CONTRAST: (&str, [(Contrast, &str); 3]) = (
    "contrast",
    [
        (Contrast::Default, "default"),
        (Contrast::High, "high"),
        (Contrast::Dark, "dark"),
    ],
);
const ALIGN: (&str, [(Align, &str); 3]) = (
    "align",
    [
        (Align::Start, "start"),
        (Align::Center, "center"),
        (Align::End, "end"),
    ],
);
/// Values saved before alignment followed the page's direction, and what they are now: the
/// pages were all left-to-right then, so left was the start.
pub const RENAMED_VALUES: [(&str, &str, &str); 2] =
    [(ALIGN.0, "left", "start"), (ALIGN.0, "right", "end")];
const TEXT_SIZE: &str = "text-size";
const SPACING: (&str, [&str; 2]) = ("spacing", ["normal", "wide"]);
const FONT: (&str, [&str; 2]) = ("font", ["default", "readable"]);
const LINKS: (&str, [&str; 2]) = ("links", ["plain", "highlight"]);
const MOTION: (&str, [&str; 2]) = ("motion", ["full", "reduce"]);

/// Every setting's attribute name and its possible values, the default first: what
/// `reading-settings.js` accepts before the first paint (see [`script_tables`]).
pub fn choices() -> [(&'static str, Vec<String>); 7] {
    let names = |values: &[&str]| values.iter().map(|value| value.to_string()).collect();
    [
        (
            CONTRAST.0,
            CONTRAST
                .1
                .iter()
                .map(|(_, name)| name.to_string())
                .collect(),
        ),
        (TEXT_SIZE, TEXT_SIZES.iter().map(u16::to_string).collect()),
        (
            ALIGN.0,
            ALIGN.1.iter().map(|(_, name)| name.to_string()).collect(),
        ),
        (SPACING.0, names(&SPACING.1)),
        (FONT.0, names(&FONT.1)),
        (LINKS.0, names(&LINKS.1)),
        (MOTION.0, names(&MOTION.1)),
    ]
}

/// The tables `crates/app/src/prefs/reading-settings.js` applies settings from before the wasm runs,
/// as JavaScript: the storage key, [`choices`], [`SYSTEM_WISHES`] and [`RENAMED_VALUES`]. A native test keeps the
/// script's copy in step with this.
pub fn script_tables() -> String {
    let choices: Vec<String> = choices()
        .iter()
        .map(|(name, values)| format!("{}: {}", json(name), json(values)))
        .collect();
    let triples = |rows: &[(&str, &str, &str)]| {
        rows.iter()
            .map(|row| json(&[row.0, row.1, row.2]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "var KEY = {};\nvar CHOICES = {{ {} }};\nvar SYSTEM_WISHES = [{}];\nvar RENAMED_VALUES = [{}];\n",
        json(&STORAGE_KEY),
        choices.join(", "),
        triples(&SYSTEM_WISHES),
        triples(&RENAMED_VALUES),
    )
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl ReadingSettings {
    /// The settings a reader gets before choosing anything: the operating system's wishes.
    pub fn for_system(system: SystemPreferences) -> Self {
        let mut settings = ReadingSettings::default();
        let mut decided = Vec::new();
        for ((_, name, value), asked) in SYSTEM_WISHES.iter().zip(system.matched) {
            if asked && !decided.contains(name) {
                settings.set(name, value);
                decided.push(*name);
            }
        }
        settings
    }

    /// Reads a stored value. Anything missing, unknown or malformed falls back to the
    /// system's defaults, setting by setting: a corrupt value never fails.
    pub fn parse(stored: &str, system: SystemPreferences) -> Self {
        let mut settings = ReadingSettings::for_system(system);
        for pair in stored.split(';') {
            if let Some((name, value)) = pair.split_once('=') {
                settings.set(name.trim(), value.trim());
            }
        }
        settings
    }

    /// Sets the setting `name` to `value`, when `value` is one of its [`choices`].
    fn set(&mut self, name: &str, value: &str) {
        let value = RENAMED_VALUES
            .iter()
            .find(|(setting, old, _)| *setting == name && *old == value)
            .map_or(value, |(_, _, new)| new);
        match name {
            n if n == CONTRAST.0 => {
                if let Some(choice) = lookup(&CONTRAST.1, value) {
                    self.contrast = choice;
                }
            }
            n if n == ALIGN.0 => {
                if let Some(choice) = lookup(&ALIGN.1, value) {
                    self.align = choice;
                }
            }
            TEXT_SIZE => {
                if let Some(size) = TEXT_SIZES.iter().find(|size| size.to_string() == value) {
                    self.text_size = *size;
                }
            }
            n if n == SPACING.0 => set_flag(&mut self.wide_spacing, SPACING.1, value),
            n if n == FONT.0 => set_flag(&mut self.readable_font, FONT.1, value),
            n if n == LINKS.0 => set_flag(&mut self.highlight_links, LINKS.1, value),
            n if n == MOTION.0 => set_flag(&mut self.reduce_motion, MOTION.1, value),
            _ => {}
        }
    }

    /// The attributes for `<html>`, as `(name without "data-", value)`.
    pub fn attributes(&self) -> [(&'static str, String); 7] {
        let flag = |(name, values): (&'static str, [&str; 2]), on: bool| {
            (name, values[usize::from(on)].to_string())
        };
        [
            (CONTRAST.0, name_of(&CONTRAST.1, self.contrast).to_string()),
            (TEXT_SIZE, self.text_size.to_string()),
            (ALIGN.0, name_of(&ALIGN.1, self.align).to_string()),
            flag(SPACING, self.wide_spacing),
            flag(FONT, self.readable_font),
            flag(LINKS, self.highlight_links),
            flag(MOTION, self.reduce_motion),
        ]
    }

    /// The value to store.
    pub fn serialize(&self) -> String {
        self.attributes()
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join(";")
    }

    pub fn can_grow_text(&self) -> bool {
        self.text_size < TEXT_SIZES[TEXT_SIZES.len() - 1]
    }

    pub fn can_shrink_text(&self) -> bool {
        self.text_size > TEXT_SIZES[0]
    }

    /// One step bigger, up to the largest.
    pub fn bigger_text(self) -> Self {
        self.step_text(1)
    }

    /// One step smaller, down to 100%.
    pub fn smaller_text(self) -> Self {
        self.step_text(-1)
    }

    fn step_text(self, by: isize) -> Self {
        let current = TEXT_SIZES
            .iter()
            .position(|size| *size == self.text_size)
            .unwrap_or(0);
        let next = current.saturating_add_signed(by).min(TEXT_SIZES.len() - 1);
        ReadingSettings {
            text_size: TEXT_SIZES[next],
            ..self
        }
    }
}

fn lookup<T: Copy>(choices: &[(T, &str)], value: &str) -> Option<T> {
    choices
        .iter()
        .find(|(_, name)| *name == value)
        .map(|(choice, _)| *choice)
}

fn name_of<T: PartialEq>(choices: &[(T, &'static str)], choice: T) -> &'static str {
    choices
        .iter()
        .find(|(c, _)| *c == choice)
        .map_or("", |(_, name)| name)
}

fn set_flag(flag: &mut bool, values: [&str; 2], value: &str) {
    if let Some(position) = values.iter().position(|v| *v == value) {
        *flag = position == 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_WISHES: SystemPreferences = SystemPreferences {
        matched: [false; SYSTEM_WISHES.len()],
    };

    /// The system asking for exactly `queries`.
    fn asking(queries: &[&str]) -> SystemPreferences {
        SystemPreferences::new(|query| queries.contains(&query))
    }

    #[test]
    fn defaults_are_plain_start_aligned_100_percent() {
        let settings = ReadingSettings::for_system(NO_WISHES);
        assert_eq!(settings, ReadingSettings::default());
        assert_eq!(
            settings.serialize(),
            "contrast=default;text-size=100;align=start;spacing=normal;font=default;links=plain;motion=full"
        );
    }

    #[test]
    fn the_system_decides_while_nothing_is_saved() {
        let more = asking(&[MORE_CONTRAST, DARK]);
        assert_eq!(ReadingSettings::for_system(more).contrast, Contrast::High);
        let dark = asking(&[DARK, REDUCED_MOTION]);
        let settings = ReadingSettings::for_system(dark);
        assert_eq!(settings.contrast, Contrast::Dark);
        assert!(settings.reduce_motion);
    }

    #[test]
    fn every_setting_survives_a_round_trip() {
        let settings = ReadingSettings {
            contrast: Contrast::Dark,
            text_size: 160,
            align: Align::End,
            wide_spacing: true,
            readable_font: true,
            highlight_links: true,
            reduce_motion: true,
        };
        assert_eq!(
            ReadingSettings::parse(&settings.serialize(), NO_WISHES),
            settings
        );
        let high = ReadingSettings {
            contrast: Contrast::High,
            align: Align::Center,
            ..ReadingSettings::default()
        };
        assert_eq!(ReadingSettings::parse(&high.serialize(), NO_WISHES), high);
    }

    #[test]
    fn a_saved_choice_beats_the_system() {
        let system = asking(&[MORE_CONTRAST, REDUCED_MOTION]);
        let settings = ReadingSettings::parse("contrast=default;motion=full", system);
        assert_eq!(settings.contrast, Contrast::Default);
        assert!(!settings.reduce_motion);
    }

    #[test]
    fn junk_falls_back_setting_by_setting() {
        let system = asking(&[DARK]);
        for junk in [
            "",
            ";;;",
            "garbage",
            "{\"contrast\":\"high\"}",
            "contrast=purple;text-size=999;align=justify;spacing=yes;font=comic;links=1;motion=0",
            "text-size=-20;text-size=abc;text-size=0140;=;==;contrast",
            "\u{0}\u{ffff}",
        ] {
            assert_eq!(
                ReadingSettings::parse(junk, system),
                ReadingSettings::for_system(system),
                "{junk:?}"
            );
        }
        let partly =
            ReadingSettings::parse("text-size=140;align=justify; font = readable ", system);
        assert_eq!(partly.text_size, 140);
        assert_eq!(partly.align, Align::Start);
        assert!(partly.readable_font);
        assert_eq!(partly.contrast, Contrast::Dark);
    }

    #[test]
    fn alignments_saved_as_left_and_right_are_read_as_start_and_end() {
        let left = ReadingSettings::parse("align=left;contrast=high", NO_WISHES);
        assert_eq!((left.align, left.contrast), (Align::Start, Contrast::High));
        assert_eq!(
            ReadingSettings::parse("align=right", NO_WISHES).align,
            Align::End
        );
    }

    #[test]
    fn text_steps_from_100_to_200_percent_and_stops_at_both_ends() {
        let mut settings = ReadingSettings::default();
        assert!(!settings.can_shrink_text());
        assert_eq!(settings.smaller_text().text_size, 100);
        let mut seen = vec![settings.text_size];
        while settings.can_grow_text() {
            settings = settings.bigger_text();
            seen.push(settings.text_size);
        }
        assert_eq!(seen, TEXT_SIZES);
        assert_eq!(settings.text_size, 200);
        assert_eq!(settings.bigger_text().text_size, 200);
        assert_eq!(settings.smaller_text().text_size, 180);
    }

    #[test]
    fn attributes_name_every_setting_once() {
        let names: Vec<&str> = ReadingSettings::default()
            .attributes()
            .iter()
            .map(|(name, _)| *name)
            .collect();
        assert_eq!(
            names,
            [
                "contrast",
                "text-size",
                "align",
                "spacing",
                "font",
                "links",
                "motion"
            ]
        );
    }

    #[test]
    fn every_choice_list_starts_with_the_default_and_every_wish_is_a_choice() {
        let defaults = ReadingSettings::default().attributes();
        for ((name, values), (attribute, default)) in choices().iter().zip(&defaults) {
            assert_eq!((name, &values[0]), (attribute, default));
        }
        for (query, name, value) in SYSTEM_WISHES {
            let (_, values) = choices()
                .into_iter()
                .find(|(setting, _)| *setting == name)
                .unwrap_or_else(|| panic!("{query} asks for an unknown setting {name}"));
            assert!(values.iter().any(|v| v == value), "{query}: {name}={value}");
        }
    }

    #[test]
    fn every_choice_of_every_setting_reads_back() {
        for (name, values) in choices() {
            for value in values {
                let settings = ReadingSettings::parse(&format!("{name}={value}"), NO_WISHES);
                assert!(
                    settings.attributes().contains(&(name, value.clone())),
                    "{name}={value}"
                );
            }
        }
    }
}

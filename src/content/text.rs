//! Pure text helpers: slugs for heading ids, reading time and dates.

/// Words per minute used for the reading-time estimate. Lower than the usual 230-250 because
/// our readers are often reading slowly, in pain or with assistive technology.
pub const WORDS_PER_MINUTE: usize = 200;

/// A readable id from a heading: lower-case ASCII letters and digits joined by single hyphens.
/// Apostrophes vanish ("What’s" → "whats") rather than splitting words.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(ch.to_ascii_lowercase());
        } else if !matches!(ch, '\'' | '’' | '‘') {
            pending_hyphen = true;
        }
    }
    slug
}

/// The number of words in a text, as a reader would count them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Estimated minutes to read `words` words: rounded up, never less than one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A `YYYY-MM-DD` date as the clinic writes it ("Jan 10, 2026"), or `None` when it is not a
/// real calendar date.
pub fn display_date(iso: &str) -> Option<String> {
    let (year, month, day) = parse_iso_date(iso)?;
    Some(format!("{} {day}, {year}", MONTHS[month as usize - 1]))
}

/// The `YYYY-MM-DD` date `months` after `iso`, on the same day of the month or the month's
/// last day when it is shorter ("2026-01-31" + 1 month is "2026-02-28").
pub fn add_months(iso: &str, months: u32) -> Option<String> {
    let (year, month, day) = parse_iso_date(iso)?;
    let index = month - 1 + months;
    let (year, month) = (year + index / 12, index % 12 + 1);
    let day = day.min(days_in_month(year, month)?);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

fn parse_iso_date(iso: &str) -> Option<(u32, u32, u32)> {
    let bytes = iso.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &iso[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    (1..=days_in_month(year, month)?)
        .contains(&day)
        .then_some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_hyphens() {
        assert_eq!(
            slugify("Upper Back Pain vs. Regular Back Pain: What’s the Difference"),
            "upper-back-pain-vs-regular-back-pain-whats-the-difference"
        );
        assert_eq!(
            slugify("  First 15 Minutes: What to Do When Pain Hits "),
            "first-15-minutes-what-to-do-when-pain-hits"
        );
        assert_eq!(
            slugify("Everyday Habits (and How to Fix Them)"),
            "everyday-habits-and-how-to-fix-them"
        );
        assert_eq!(slugify("Pain & Spine?"), "pain-spine");
    }

    #[test]
    fn a_heading_without_ascii_letters_has_an_empty_slug() {
        assert_eq!(slugify("?!"), "");
        assert_eq!(slugify("Über"), "ber");
    }

    #[test]
    fn reading_time_rounds_up_and_is_at_least_a_minute() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
        assert_eq!(reading_minutes(1150), 6);
    }

    #[test]
    fn words_are_counted_across_any_whitespace() {
        assert_eq!(word_count("Hold each stretch  for\nabout 20"), 6);
        assert_eq!(word_count("   "), 0);
    }

    #[test]
    fn dates_display_as_the_clinic_writes_them() {
        assert_eq!(display_date("2026-01-10").as_deref(), Some("Jan 10, 2026"));
        assert_eq!(display_date("2024-02-29").as_deref(), Some("Feb 29, 2024"));
        assert_eq!(display_date("2025-12-31").as_deref(), Some("Dec 31, 2025"));
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        assert_eq!(add_months("2026-01-10", 12).as_deref(), Some("2027-01-10"));
        assert_eq!(add_months("2026-11-30", 3).as_deref(), Some("2027-02-28"));
        assert_eq!(add_months("2027-12-31", 2).as_deref(), Some("2028-02-29"));
        assert_eq!(add_months("2026-05-31", 0).as_deref(), Some("2026-05-31"));
        assert_eq!(add_months("2026-02-30", 1), None);
    }

    #[test]
    fn impossible_or_malformed_dates_are_refused() {
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-1-10",
            "10/01/2026",
            "2026-01-1x",
            "",
            "+026-01-10",
        ] {
            assert_eq!(display_date(bad), None, "{bad:?} should be refused");
        }
    }
}

//! Pure text helpers: reading time and dates.

use chrono::{Datelike, Months, NaiveDate};

/// Words per minute used for the reading-time estimate. Lower than the usual 230-250 because
/// our readers are often reading slowly, in pain or with assistive technology.
pub const WORDS_PER_MINUTE: usize = 200;

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
    let date = parse_date(iso).ok()?;
    Some(format!(
        "{} {}, {}",
        MONTHS[date.month0() as usize],
        date.day(),
        date.year()
    ))
}

/// The `YYYY-MM-DD` date `months` after `iso`, on the same day of the month or the month's
/// last day when it is shorter ("2026-01-31" + 1 month is "2026-02-28").
pub fn add_months(iso: &str, months: u32) -> Option<String> {
    let date = parse_date(iso)
        .ok()?
        .checked_add_months(Months::new(months))?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    ))
}

/// A date written `YYYY-MM-DD`, read as a day of the calendar; the error says what is wrong.
pub fn parse_date(iso: &str) -> Result<NaiveDate, String> {
    let bytes = iso.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = iso.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let written = (bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-')
        .then(|| Some((digits(0..4)?, digits(5..7)?, digits(8..10)?)))
        .flatten();
    let Some((year, month, day)) = written else {
        return Err(format!(
            "{iso:?} must be a date written YYYY-MM-DD, like \"2026-03-04\""
        ));
    };
    if !(1..=12).contains(&month) {
        return Err(format!("{iso:?} has no month {month}: months are 01 to 12"));
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        let last = NaiveDate::from_ymd_opt(year as i32, month, 1)
            .and_then(|first| first.checked_add_months(Months::new(1)))
            .and_then(|next| next.pred_opt())
            .map_or(31, |last| last.day());
        format!(
            "{iso:?} is not a day of the calendar: {} {year} has {last} days",
            MONTHS[month as usize - 1]
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_date_error_says_what_is_wrong() {
        assert_eq!(
            parse_date("2026-02-30"),
            Err("\"2026-02-30\" is not a day of the calendar: Feb 2026 has 28 days".into())
        );
        assert_eq!(
            parse_date("2024-02-30"),
            Err("\"2024-02-30\" is not a day of the calendar: Feb 2024 has 29 days".into())
        );
        assert_eq!(
            parse_date("2026-13-01"),
            Err("\"2026-13-01\" has no month 13: months are 01 to 12".into())
        );
        assert_eq!(
            parse_date("2026-3-4"),
            Err("\"2026-3-4\" must be a date written YYYY-MM-DD, like \"2026-03-04\"".into())
        );
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

//! Who stands behind an article and how current it is: its author and medical reviewer, from
//! the site's people; when it was last reviewed and when the next review is due; and where a
//! reader reports a mistake.

use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use crate::model::{Article, Person, SiteSettings};
use crate::text::add_months;

/// An article's review dates, as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewDates {
    pub last_reviewed: Option<String>,
    /// The article's own `next_review`, or the site's interval after `last_reviewed`.
    pub next_due: Option<String>,
}

impl ReviewDates {
    pub fn of(article: &Article, site: &SiteSettings) -> ReviewDates {
        let from_interval = || {
            let last = article.last_reviewed.as_deref()?;
            add_months(last, site.review_interval_months?)
        };
        ReviewDates {
            last_reviewed: article.last_reviewed.clone(),
            next_due: article.next_review.clone().or_else(from_interval),
        }
    }

    /// Whether the next review was due before `today` (`YYYY-MM-DD`).
    pub fn overdue_on(&self, today: &str) -> bool {
        // Dates written YYYY-MM-DD sort as text in calendar order.
        self.next_due.as_deref().is_some_and(|due| due < today)
    }
}

/// Today's date where the code runs, as `YYYY-MM-DD`: the reader's in the browser, the
/// build's when pages are rendered to HTML.
pub fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        format!(
            "{:04}-{:02}-{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date()
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use chrono::Datelike;
        let now = chrono::Local::now().date_naive();
        format!("{:04}-{:02}-{:02}", now.year(), now.month(), now.day())
    }
}

impl SiteSettings {
    /// One of the site's people, by id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|person| person.id == id)
    }

    /// Where a reader reports a mistake in `article`: a `mailto:` address gets a subject that
    /// names the article, so the clinic knows which page it is about.
    pub fn report_mistake_href(&self, article: &Article) -> Option<String> {
        let href = self.report_mistake_url.as_ref()?;
        let is_mail = href
            .get(..7)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("mailto:"));
        if !is_mail {
            return Some(href.clone());
        }
        let subject = format!(
            "Mistake on \"{}\" ({})",
            article.title,
            self.article_url(&article.slug)
        );
        let separator = if href.contains('?') { '&' } else { '?' };
        Some(format!(
            "{href}{separator}subject={}",
            utf8_percent_encode(&subject, NON_ALPHANUMERIC)
        ))
    }
}

impl Article {
    /// Each person the article names, with the field that names them: `(field, id)`.
    pub fn named_people(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("author", self.author.as_deref()),
            ("medical_reviewer", self.medical_reviewer.as_deref()),
        ]
        .into_iter()
        .filter_map(|(field, id)| Some((field, id?)))
    }
}

impl Person {
    /// The name with the credentials, as a byline shows it: "Dr. Jane Doe, MD".
    pub fn name_with_credentials(&self) -> String {
        match &self.credentials {
            Some(credentials) => format!("{}, {credentials}", self.name),
            None => self.name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{article, section, site};

    #[test]
    fn the_next_review_is_the_article_own_date_or_the_site_interval_after_the_last() {
        let mut sample = article(vec![section("A", &[])], &["Q?"]);
        let mut settings = site();
        assert_eq!(ReviewDates::of(&sample, &settings), ReviewDates::default());
        sample.last_reviewed = Some("2026-01-31".into());
        settings.review_interval_months = Some(13);
        assert_eq!(
            ReviewDates::of(&sample, &settings).next_due.as_deref(),
            Some("2027-02-28")
        );
        sample.next_review = Some("2026-06-01".into());
        assert_eq!(
            ReviewDates::of(&sample, &settings).next_due.as_deref(),
            Some("2026-06-01")
        );
    }

    #[test]
    fn a_review_is_overdue_only_after_its_due_date() {
        let dates = ReviewDates {
            last_reviewed: None,
            next_due: Some("2026-06-01".into()),
        };
        assert!(!dates.overdue_on("2026-05-31"));
        assert!(!dates.overdue_on("2026-06-01"));
        assert!(dates.overdue_on("2026-06-02"));
        assert!(!ReviewDates::default().overdue_on("2999-01-01"));
    }

    #[test]
    fn a_mail_report_names_the_article_and_a_form_address_is_kept() {
        let sample = article(vec![section("A", &[])], &["Q?"]);
        let mut settings = site();
        assert_eq!(settings.report_mistake_href(&sample), None);
        settings.report_mistake_url = Some("mailto:editor@example.com".into());
        assert_eq!(
            settings.report_mistake_href(&sample).as_deref(),
            Some(
                "mailto:editor@example.com?subject=Mistake%20on%20%22Sample%22%20%28https%3A%2F%2F\
                 www%2Eexample%2Ecom%2Farticles%2Fsample%2F%29"
            )
        );
        settings.report_mistake_url = Some("https://example.com/report?from=site".into());
        assert_eq!(
            settings.report_mistake_href(&sample).as_deref(),
            Some("https://example.com/report?from=site")
        );
    }
}

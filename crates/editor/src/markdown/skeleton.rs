//! `content new`: a new article's Markdown, ready to write in.

use clinic_content::ids::readable_slug;

use super::{BOOKING_HREF, FAQ_HEADING};

/// A new article's Markdown, with its front matter filled in and the parts an article needs.
pub fn skeleton(title: &str, date: &str) -> String {
    let slug = readable_slug(title);
    let title = serde_json::to_string(title).unwrap_or_default();
    format!(
        "---\n\
         title: {title}\n\
         description: \"One or two sentences that search results show under the title.\"\n\
         date: {date}\n\
         category: \"Back Pain\"\n\
         hero:\n  \
           src: images/{slug}.svg\n  \
           alt: \"What the picture shows, for readers who cannot see it.\"\n  \
           width: 960\n  \
           height: 540\n\
         # author: alex-example              # ids of people in content/site.json\n\
         # medical_reviewer: sam-placeholder\n\
         # last_reviewed: {date}\n\
         # sources:\n\
         #   - title: \"What the article is based on\"\n\
         #     publisher: \"Who published it\"\n\
         #     year: 2026\n\
         #     url: https://www.example.com/\n\
         ---\n\
         \n\
         The introduction: a few sentences on what the reader will learn.\n\
         \n\
         ## The First Section\n\
         \n\
         Write paragraphs, **strong** and *emphasised* words, [links](https://www.example.com/)\n\
         and [booking links]({BOOKING_HREF}).\n\
         \n\
         ### A Part of the First Section\n\
         \n\
         - A list item.\n\
         - Another one.\n\
         \n\
         ## When to See a Doctor {{.callout}}\n\
         \n\
         The signs that need care soon.\n\
         \n\
         ## {FAQ_HEADING}\n\
         \n\
         ### A question readers ask?\n\
         \n\
         Its answer.\n"
    )
}

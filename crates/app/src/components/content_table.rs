use leptos::prelude::*;

use crate::components::RichText;
use clinic_content::Table;

/// A table with its caption and column headers. It scrolls sideways inside its own region
/// when it is wider than the text (a phone, a large text size) instead of widening the page;
/// the region takes the keyboard's focus so that it can be scrolled without a pointer.
#[component]
pub fn ContentTable(table: Table) -> impl IntoView {
    let name = table
        .caption
        .clone()
        .unwrap_or_else(|| table.header.join(", "));
    let caption = table
        .caption
        .map(|caption| view! { <caption>{caption}</caption> });
    let header = table
        .header
        .into_iter()
        .map(|name| {
            if name.is_empty() {
                view! { <td></td> }.into_any()
            } else {
                view! { <th scope="col">{name}</th> }.into_any()
            }
        })
        .collect_view();
    let rows = table
        .rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .map(|content| view! { <td><RichText content /></td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="content-table" role="region" aria-label=name tabindex="0">
            <table>
                {caption}
                <thead>
                    <tr>{header}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

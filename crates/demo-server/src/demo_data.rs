//! The fake data the demo origins serve.

use serde::Serialize;

/// A user of the demo API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: u32,
    pub name: &'static str,
    pub email: &'static str,
}

/// What `GET /users.json` (API origin) and `GET /api/users.json` (app origin)
/// answer.
pub const USERS: [User; 3] = [
    User {
        id: 1,
        name: "Ada Lovelace",
        email: "ada@example.test",
    },
    User {
        id: 2,
        name: "Grace Hopper",
        email: "grace@example.test",
    },
    User {
        id: 3,
        name: "Alan Turing",
        email: "alan@example.test",
    },
];

/// One line of the intranet's salary sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Salary {
    pub employee: &'static str,
    pub role: &'static str,
    pub q3_salary_usd: u32,
}

/// What the intranet's `GET /salaries.json` answers (without CORS headers):
/// the same confidential sheet as its page, as data a script would want.
pub const SALARIES: [Salary; 3] = [
    Salary {
        employee: "Wile E. Coyote",
        role: "Head of R&D",
        q3_salary_usd: 48_200,
    },
    Salary {
        employee: "Road Runner",
        role: "Field tester",
        q3_salary_usd: 31_750,
    },
    Salary {
        employee: "Marvin M.",
        role: "Facilities",
        q3_salary_usd: 27_900,
    },
];

/// The API origin's `GET /login`: a page a learner opens as a top-level page,
/// so the browser stores the API origin's cookie.
pub const LOGIN_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Logged in to the API origin</title>
<style>body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem; }</style>
</head>
<body>
<h1>Logged in to the API origin</h1>
<p>This origin just set the cookie <code>lab</code> (<code>SameSite=Lax</code>).
From now on the browser attaches it to requests to this host: to pages you
open here, and to fetches from other origins of the same site made with
<code>credentials: "include"</code> (<code>SameSite=Lax</code> keeps it off
fetches from other sites).</p>
<p>You can close this tab and go back to the lab.</p>
</body>
</html>
"#;

/// The intranet's confidential page: something a page from another origin
/// must never be able to read.
pub const INTRANET_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ACME intranet</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
  h1 { font-size: 1.4rem; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #999; padding: .3rem .8rem; text-align: left; }
  td.amount { text-align: right; }
</style>
</head>
<body>
<h1>ACME intranet — confidential: Q3 salary sheet</h1>
<p>Internal use only. Do not forward.</p>
<table>
  <thead><tr><th>Employee</th><th>Role</th><th>Q3 salary</th></tr></thead>
  <tbody>
    <tr><td>Wile E. Coyote</td><td>Head of R&amp;D</td><td class="amount">$48,200</td></tr>
    <tr><td>Road Runner</td><td>Field tester</td><td class="amount">$31,750</td></tr>
    <tr><td>Marvin M.</td><td>Facilities</td><td class="amount">$27,900</td></tr>
  </tbody>
</table>
</body>
</html>
"#;

/// Answered by the app origin when `dist/index.html` does not exist.
pub const NOT_BUILT_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CORS Lab: app not built</title>
<style>body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem; }</style>
</head>
<body>
<h1>CORS Lab is running, but the app is not built yet</h1>
<p>The demo server found no <code>index.html</code> in its dist directory.</p>
<p>Stop this server and run <code>cargo xtask serve</code> from the repository:
it builds the app and starts the server.</p>
</body>
</html>
"#;

/** @jest-environment jsdom */
// The pane's language: Office's display language to start with, the user's stored choice over it, a switch in the
// pane that is remembered per user (never in the document) and that KPI.EXPLAIN follows.
import { screen, waitFor } from "@testing-library/react";
import { PaneServiceError } from "../../src/excel/pane-errors";
import { currentLang, setLanguageOverride } from "../../src/functions/state";
import { fakeServices, renderPane } from "./fake-services";

jest.setTimeout(30_000);

afterEach(() => setLanguageOverride(null));

test("starts in the language it is given (Office's display language)", async () => {
  renderPane(fakeServices(), { lang: "en" });
  expect(screen.getByRole("tab", { name: "Catalog" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "KPI Scorecards" })).toBeTruthy();
});

test("the user's stored choice wins, and KPI.EXPLAIN follows it", async () => {
  renderPane(fakeServices({ readLanguage: () => Promise.resolve("en") }), { lang: "zh" });
  expect(await screen.findByRole("tab", { name: "Generate" })).toBeTruthy();
  expect(currentLang()).toBe("en");
});

test("switching is saved for the user and hands the language to the functions", async () => {
  const services = fakeServices();
  const { user } = renderPane(services, { lang: "zh" });
  await user.selectOptions(screen.getByRole("combobox", { name: "语言 / Language" }), "en");
  expect(screen.getByRole("tab", { name: "Explain" })).toBeTruthy();
  expect(services.saveLanguage).toHaveBeenCalledWith("en");
  expect(currentLang()).toBe("en");
  await user.selectOptions(screen.getByRole("combobox", { name: "语言 / Language" }), "zh");
  expect(screen.getByRole("tab", { name: "解释" })).toBeTruthy();
  expect(currentLang()).toBe("zh");
});

test("a choice that cannot be remembered still switches, with a warning", async () => {
  const services = fakeServices({
    saveLanguage: () =>
      Promise.reject(new PaneServiceError("storage_unavailable", { detail: "OfficeRuntime.storage" })),
  });
  const { user } = renderPane(services, { lang: "zh" });
  await user.selectOptions(screen.getByRole("combobox", { name: "语言 / Language" }), "en");
  await waitFor(() => expect(document.querySelector("[data-error-code='storage_unavailable']")).toBeTruthy());
  expect(document.querySelector("[data-error-code='storage_unavailable']")!.textContent).toContain(
    "The language changed, but the choice could not be remembered.",
  );
  expect(screen.getByRole("tab", { name: "Check" })).toBeTruthy();
});

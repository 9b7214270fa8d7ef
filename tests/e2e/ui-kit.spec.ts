/**
 * The studio's UI kit (src/lib/editor/ui) as a person uses it: in its gallery (/kit), the tabs
 * by keyboard, a field that says what is wrong and ties it to the control, a dialog that Escape
 * closes and that gives focus back; in the studio, the toasts and the history panel, whose
 * buttons are the kit's and are found by their role and name.
 */
import { expect, test } from './fixtures';
import { newApp } from './apps';

test('the kit gallery: tabs by arrow keys, a field with a coded error, a dialog', async ({
  page
}) => {
  await page.goto('/kit');
  const pane = page.locator('[data-kit-pane="light"]');
  const tablist = pane.getByRole('tablist', { name: 'Kit pieces (Light)' });
  const buttons = tablist.getByRole('tab', { name: 'Buttons' });
  const fields = tablist.getByRole('tab', { name: 'Fields' });
  const notices = tablist.getByRole('tab', { name: 'Notices' });

  // One tab stop: the selected tab; the arrows move the selection and the focus with it.
  await expect(buttons).toHaveAttribute('aria-selected', 'true');
  await expect(buttons).toHaveAttribute('tabindex', '0');
  await expect(fields).toHaveAttribute('tabindex', '-1');
  await buttons.focus();
  await page.keyboard.press('ArrowRight');
  await expect(fields).toHaveAttribute('aria-selected', 'true');
  await expect(fields).toBeFocused();
  await expect(buttons).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('End');
  await expect(notices).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(buttons).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(notices).toHaveAttribute('aria-selected', 'true');
  // The panel is labelled by the selected tab, which names it as the panel it controls.
  const panel = pane.getByRole('tabpanel');
  await expect(panel).toHaveAttribute('aria-labelledby', (await notices.getAttribute('id'))!);
  expect(await notices.getAttribute('aria-controls')).toBe(await panel.getAttribute('id'));
  await expect(panel.getByRole('alert').first()).toContainText('E_TYPE');

  // A field: its label names the control; a wrong value marks it invalid and says why, coded.
  await fields.click();
  const name = pane.getByLabel('Name');
  await expect(name).toHaveValue('items');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await name.fill('2 items');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const error = pane.getByRole('alert');
  await expect(error).toContainText('E_FIELD_VALUE');
  const described = (await name.getAttribute('aria-describedby'))!.split(' ');
  expect(described).toContain(await error.getAttribute('id'));
  await name.fill('items');
  await expect(pane.getByRole('alert')).toHaveCount(0);

  // Buttons and icon buttons, by role and name; a click on each runs it once.
  await buttons.click();
  await pane.getByRole('button', { name: 'primary' }).first().click();
  await pane.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('[data-kit-clicks]')).toHaveAttribute('data-kit-clicks', '2');
  await expect(pane.getByRole('button', { name: 'Redo' })).toBeDisabled();
  await expect(pane.getByRole('button', { name: 'Redo' })).toHaveAttribute('title', 'Redo');

  // A dialog: opened by a button, Escape closes it, and the focus is back on that button.
  const opener = pane.getByRole('button', { name: 'Open a dialog' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'A dialog' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  // Its close button is an icon button with a name; it closes it too.
  await opener.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the studio: a toast is dismissed by its named button; history undoes with the kit’s buttons', async ({
  page,
  request
}) => {
  const id = await newApp(request);
  await page.goto(`/apps/${id}`);
  await expect(page.locator('[data-canvas]')).toBeVisible();
  const button = page.locator('[data-outline-node]', { hasText: 'Button' }).first();
  await button.click();

  // Copy reports in a toast (role status); its dismiss button is found by its name.
  await page.keyboard.press('Control+c');
  const toast = page.getByRole('status').filter({ hasText: 'Copied the Button.' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);

  // Duplicate, then undo from the history panel's Undo (the kit's Button).
  const rows = page.locator('[data-outline-node]');
  const count = await rows.count();
  await button.click();
  await page.keyboard.press('Control+d');
  await expect(rows).toHaveCount(count + 1);
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.locator('[data-history]');
  const undo = history.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(rows).toHaveCount(count);
  await expect(history.getByRole('button', { name: 'Redo' })).toBeEnabled();
  await expect(history.getByRole('combobox', { name: 'Show changes by' })).toHaveValue('');
});

-- Neovim's built-in LSP client against dist/server.js --stdio: waits for the index, asks for a hover and a
-- completion in the example draft, writes what came back as JSON, and quits. Neovim 0.7 API.
local root = vim.env.PW_ROOT
local out = vim.env.PW_OUT
local draft = root .. '/drafts/简报草稿.md'
local ready = false
local results = { ready = false }

local client_id = vim.lsp.start_client({
  cmd = { 'node', vim.env.PW_SERVER, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'examples' } },
  init_options = { storagePath = vim.env.PW_STORAGE },
  handlers = {
    ['policyWriter/indexStatus'] = function(_, status)
      if status and status.state == 'ready' then ready = true; results.status = status end
    end,
  },
})

vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
vim.wait(60000, function() return ready end, 50)
results.ready = ready

local function find(needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local s = string.find(line, needle, 1, true)
    if s then
      -- LSP characters are UTF-16 units; the draft's lines before the needle are BMP characters only.
      local prefix = string.sub(line, 1, s - 1)
      return i - 1, vim.str_utfindex(prefix)
    end
  end
end

local line, col = find('东南亚国家联盟坚持')
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col + 2 },
}, 10000)
for _, r in pairs(hover or {}) do if r.result then results.hover = r.result.contents.value end end

-- Completion: a new last line with the start of a formulation.
local last = vim.api.nvim_buf_line_count(bufnr)
vim.api.nvim_buf_set_lines(bufnr, last, last, false, { '推动全球治理体系朝着' })
local typed = '推动全球治理体系朝着'
local comp = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = last, character = vim.str_utfindex(typed) },
}, 10000)
results.completion = {}
for _, r in pairs(comp or {}) do
  local items = r.result and (r.result.items or r.result) or {}
  for _, it in ipairs(items) do table.insert(results.completion, it.label) end
end

local f = io.open(out, 'w')
f:write(vim.fn.json_encode(results))
f:close()
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
